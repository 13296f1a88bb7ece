Feature: Second
  Scenario: Also passes
    Given a note "x"
    Then there are 1 notes
