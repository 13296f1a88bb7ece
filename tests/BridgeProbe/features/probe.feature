@probe
Feature: Probe
  Cases the bridge must report as a Reqnroll.xUnit user expects.

  Background:
    Given a note "from the background"

  @passing
  Scenario: Passes with output
    When I write "hello from a step" to the output
    Then there are 1 notes

  Scenario: Takes a table and a doc string
    Given notes:
      | note |
      | a    |
      | b    |
    And a long note:
      """
      line one
      line two
      """
    Then there are 4 notes

  Scenario: Fails in a step
    Then there are 7 notes

  Scenario: Uses an undefined step
    When I dance the tango

  @ignore
  Scenario: Is ignored
    Then there are 99 notes

  Scenario Outline: Counts <count> notes
    Then there are <count> notes

    Examples:
      | count |
      | 1     |
      | 2     |

  Rule: Rules hold scenarios too
    @ruled
    Scenario: Inside a rule
      Then there are 1 notes
