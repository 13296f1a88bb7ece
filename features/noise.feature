@demo-server
Feature: Noise
  A real service says more than the replies a scenario is about: heartbeats, ticks, unrelated
  events. A connection can ignore such messages for its counts, order and "next" steps, a step
  can skip them on its way to the message that matters, and a reply can be checked to be the
  last word. Ignored and skipped messages still show in the report.

  Background:
    Given I am connected to "/json"

  Scenario: Ticks are ignored, so the sum is the only message that counts
    Given I ignore messages where "$.type" is "tick"
    When I send the JSON:
      """
      {"type": "burst", "count": 5}
      """
    And I send the JSON:
      """
      {"type": "add", "numbers": [1, 2, 3]}
      """
    Then the next message is "{\"type\":\"sum\",\"value\":6}"
    And I receive exactly 1 message
    And I receive no further message within 200 ms

  Scenario: Ticks matched by a pattern are ignored too
    Given I ignore messages matching '^\{"type":"tick"'
    When I send the JSON:
      """
      {"type": "burst", "count": 3}
      """
    And I send the JSON:
      """
      {"type": "greet", "name": "Ada"}
      """
    Then the first message contains "Hello, Ada!"
    And I receive exactly 1 message

  Scenario: The sum is found past the ticks, which stay in the record
    When I send the JSON:
      """
      {"type": "burst", "count": 3}
      """
    And I send the JSON:
      """
      {"type": "add", "numbers": [40, 2]}
      """
    Then the next message where "$.type" is "sum" arrives
    And I receive exactly 4 messages

  Scenario: A late answer is waited for while ticks arrive
    When I send the JSON:
      """
      {"type": "delay", "ms": 300, "text": "late"}
      """
    And I send the JSON:
      """
      {"type": "burst", "count": 2}
      """
    Then the next message matching '"seq":2' arrives
    And the next message where "$.text" is "late" arrives
    And I receive no further message within 200 ms

  Scenario: A greeting is the last word
    When I send the JSON:
      """
      {"type": "greet", "name": "Ada"}
      """
    Then I receive a JSON message where "$.type" is "greeting"
    And I receive no further message within 200 ms
