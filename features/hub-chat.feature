@demo-server @hubs
Feature: Chat hub
  People talk through the SignalR chat hub: what one sends, everyone connected hears; a group keeps
  a conversation among its members. The hub also answers calculations, and counts down or sums
  as a stream. Every call is a hub method, every answer a client method or a result.

  Scenario: A message sent to the hub reaches everyone connected, the sender too
    Given "Alice" is connected to the hub "/hubs/chat"
    And "Bob" is connected to the hub "/hubs/chat"
    When "Alice" invokes SendMessage("Alice", "hi")
    Then "Bob" receives ReceiveMessage("Alice", "hi")
    And "Alice" receives ReceiveMessage("Alice", "hi")

  Scenario: A group message reaches only the members of the group
    Given "Alice" is connected to the hub "/hubs/chat"
    And "Bob" is connected to the hub "/hubs/chat"
    And "Carol" is connected to the hub "/hubs/chat"
    When "Alice" invokes JoinGroup("red", "alice")
    Then "Alice" receives UserJoined("alice", "red")
    When "Bob" invokes JoinGroup("red", "bob")
    Then "Alice" receives UserJoined("bob", "red")
    When "Alice" invokes SendToGroup("red", "alice", "just us")
    Then "Bob" receives ReceiveMessage("alice", "just us")
    And "Carol" does not receive ReceiveMessage("alice", "just us") within 300 ms

  Scenario: Everyone in a group hears a message, and nobody outside it
    Given "Alice" is connected to the hub "/hubs/chat"
    And "Bob" is connected to the hub "/hubs/chat"
    And "Carol" is connected to the hub "/hubs/chat"
    When "Alice" invokes JoinGroup("violet", "alice")
    Then "Alice" receives UserJoined("alice", "violet")
    When "Bob" invokes JoinGroup("violet", "bob")
    Then "Alice" and "Bob" receive UserJoined("bob", "violet")
    When "Bob" invokes SendToGroup("violet", "bob", "violets only")
    Then "Alice" and "Bob" receive ReceiveMessage("bob", "violets only")
    And "Carol" does not receive a call to ReceiveMessage within 500 ms where:
      | path | value        |
      | $[1] | violets only |

  Scenario: A room lists the people who joined it
    Given "Grace" is connected to the hub "/hubs/chat"
    And "Ada" is connected to the hub "/hubs/chat"
    When "Grace" invokes JoinGroup("blue", "grace")
    Then "Grace" receives UserJoined("grace", "blue")
    When "Ada" invokes JoinGroup("blue", "ada")
    Then "Grace" receives UserJoined("ada", "blue")
    When "Grace" invokes GetRoom("blue")
    Then the invocation returns:
      """
      { "name": "blue", "members": ["ada", "grace"] }
      """
    And I remember "$.members[0]" of the result as "first"
    When "Ada" invokes SendToGroup("blue", "${first}", "first in the room")
    Then "Grace" receives ReceiveMessage("ada", "first in the room")

  Scenario: The hub answers calculations
    Given I am connected to the hub "/hubs/chat"
    When I invoke Add(2, 3)
    Then the invocation returns 5
    When I invoke Add(2147483647, 1)
    Then the invocation returns 2147483648
    When I invoke Divide(7, 2)
    Then the invocation returns 3.5

  Scenario: A division by zero fails with the hub's reason, and the connection stays open
    Given I am connected to the hub "/hubs/chat"
    When I invoke Divide(1, 0)
    Then the invocation fails with "cannot divide by zero"
    And I am still connected

  Scenario: A method the hub does not have fails
    Given I am connected to the hub "/hubs/chat"
    When I invoke Multiply(2, 3)
    Then the invocation fails with "Method does not exist."

  Scenario: The hub counts down as a stream
    Given I am connected to the hub "/hubs/chat"
    When I stream Countdown(3, 10)
    Then the stream yields 3, 2 and 1 and completes

  Scenario: A stream is judged by how it ends, whatever it yields
    Given I am connected to the hub "/hubs/chat"
    When I stream Countdown(5, 0)
    Then the stream completes

  Scenario: A stream the client cancels stops early
    Given I am connected to the hub "/hubs/chat"
    When I stream Countdown(10000, 20)
    And I cancel the stream
    Then the stream was cancelled

  Scenario: A countdown from a negative number fails
    Given I am connected to the hub "/hubs/chat"
    When I stream Countdown(-1, 0)
    Then the stream fails with "cannot count down from a negative number"

  Scenario: The hub sums the numbers streamed to it
    Given I am connected to the hub "/hubs/chat"
    When I stream 1, 2 and 3 to Sum
    Then the invocation returns 6

  Scenario: Hub messages count like any other message
    Given I am connected to the hub "/hubs/chat"
    When I invoke SendMessage("me", "one")
    Then I receive ReceiveMessage("me", "one")
    And I receive exactly 2 messages
    And I receive no further message within 200 ms

  Scenario: Every hub record follows the chat hub's contract
    Given the service follows the contract "contracts/chat-hub.yaml"
    And "Alice" is connected to the hub "/hubs/chat"
    When "Alice" invokes JoinGroup("green", "alice")
    And "Alice" invokes SendToGroup("green", "alice", "hello")
    Then "Alice" receives ReceiveMessage("alice", "hello")
    When "Alice" streams Countdown(2, 0)
    Then the stream yields 2 and 1 and completes
    When "Alice" streams 4 and 5 to Sum
    Then the invocation returns 9

  Scenario: The hub asks a newcomer its name, and welcomes them by their answer
    Given "Bob" answers the hub's GetName with "bob"
    And "Bob" is connected to the hub "/hubs/chat"
    When "Bob" invokes Introduce("hello")
    Then "Bob" was asked GetName("hello")
    And "Bob" receives Welcome("bob")

  Scenario: A newcomer who answers the hub's question with an error is not welcomed
    Given I am connected to the hub "/hubs/chat"
    And I answer the hub's GetName with the error "no name today"
    When I invoke Introduce("hello")
    Then I receive NotWelcomed("no name today")

  Scenario: A question nobody answers gets the answer of a client that has none
    Given I am connected to the hub "/hubs/chat"
    When I invoke Introduce("hello")
    Then I was asked GetName("hello")
    And I receive NotWelcomed("Client didn't provide a result.")
