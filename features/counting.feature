@demo-server
Feature: Counting by content
  Counts and order judged on what the messages say: how many have a value, and how a JSON value
  runs across the messages that have it. Each is decided after a round trip to the server, so a
  message still on its way is counted.

  Background:
    Given I am connected to "/json"

  Scenario: A thousand ticks, numbered from 1 to 1000 in order
    When I send the JSON:
      """
      {"type": "burst", "count": 1000}
      """
    Then I receive messages where "$.seq" runs from 1 to 1000 within 10 s
    And I receive exactly 1000 messages where "$.type" is "tick"
    And I receive messages where "$.seq" rises

  Scenario: Ticks and a sum, counted apart
    When I send the JSON:
      """
      {"type": "burst", "count": 3}
      """
    And I send the JSON:
      """
      {"type": "add", "numbers": [1, 2]}
      """
    Then I receive exactly 1 message where "$.type" is "sum"
    And I receive exactly 3 messages matching '^\{"type":"tick"'
    And I receive messages where "$.seq" runs from 1 to 3
