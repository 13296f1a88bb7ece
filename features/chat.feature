@demo-server
Feature: Chat room
  Several people in one scenario, each with a named connection. A room relays each
  message to everyone else in it.

  Background:
    Given "Alice" and "Bob" are connected to "/chat?room=feature-chat"

  Scenario: What Alice says, Bob hears
    When "Alice" sends "hi Bob"
    Then "Bob" receives a message containing "hi Bob"
    And "Alice" receives no message within 100 ms

  Scenario: A conversation, in turn
    Given "Carol" is connected to "/chat?room=feature-chat"
    When "Alice" sends "hi all"
    Then the next message to "Carol" is "hi all"
    When "Bob" sends "hello Alice"
    Then the next message to "Carol" is "hello Alice"
    And the first message to "Alice" is "hello Alice"
    And "Bob" receives exactly 1 message

  Scenario: Rooms are apart
    Given "Dave" is connected to "/chat?room=elsewhere"
    When "Alice" sends "only for this room"
    Then "Bob" receives the message "only for this room"
    And "Dave" receives no message within 100 ms

  Scenario: Someone leaves
    When "Bob" closes the connection
    Then "Bob" gets a close event with status NormalClosure
    And "Alice" is still connected
    And "Bob" sees the events "open, close"
