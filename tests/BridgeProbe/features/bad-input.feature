Feature: Bad input
  Mistakes in a feature, told in one line each; and a fault in the code, which keeps its stack trace.

  Scenario: Has a wrong table header
    Given a table of notes:
      | text |
      | a    |

  Scenario: Waits for a missing note
    When I wait for the note "nowhere"

  Scenario: Names a rank that does not exist
    Given a note "x"
    Then the 0th note is "x"

  Scenario: Runs a step with a bug
    When a step has a bug
