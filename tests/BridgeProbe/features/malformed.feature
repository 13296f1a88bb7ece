Feature: Malformed
  Scenario: Has a stray line
    Given a note "x"
  this line is not Gherkin
