@demo-server
Feature: Closing
  How connections end, and the events that say so.

  Background:
    Given I am connected to "/json"

  Scenario: The server closes with its own status and reason
    When I send the JSON:
      """
      {"type": "close", "code": 4001, "reason": "bye"}
      """
    Then the server closes the connection with status 4001 and reason "bye"
    And I get a close event with status 4001

  Scenario: The server's close reason says enough in part
    When I send the JSON:
      """
      {"type": "close", "code": 4001, "reason": "bye for now"}
      """
    Then the server closes the connection with a reason containing "bye"

  Scenario: The server's close status and a part of its reason
    When I send the JSON:
      """
      {"type": "close", "code": 4001, "reason": "bye for now"}
      """
    Then the server closes the connection with status 4001 and a reason containing "for now"

  Scenario: The server drops the connection without a goodbye
    When I send the JSON:
      """
      {"type": "abort"}
      """
    Then I get a close event with status 1006
    And I see the events "open, error, close"

  Scenario: The server closes, any status
    When I send the JSON:
      """
      {"type": "close", "code": 1000, "reason": "done"}
      """
    Then the server closes the connection

  Scenario: The server answers my close with my own status
    When I close the connection with status GoingAway and reason "done for today"
    Then I get a close event with status GoingAway
    And I see the events "open, close"
