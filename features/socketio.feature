@demo-server @socketio
Feature: Chat and orders over Socket.IO
  The chat speaks Socket.IO on its namespace "/chat". A member joins with the chat's token and a
  name. What a member says reaches every other member, the speaker's name first; an order placed
  in the chat is confirmed with its order id; a member who leaves is let go by the chat itself.
  Joining without the right token is refused.

  Background:
    Given I remember "chat-secret" as "TOKEN"
    And "Ada" is connected to the Socket.IO namespace "/chat" with the auth:
      """
      { "token": "${TOKEN}", "name": "ada" }
      """

  Scenario: What a member says reaches the others, with the speaker's name
    Given "Bob" is connected to the Socket.IO namespace "/chat" with the auth:
      """
      { "token": "${TOKEN}", "name": "bob" }
      """
    When "Ada" emits "chat" with "hi"
    Then "Bob" receives the event "chat" with "ada", "hi"
    And "Ada" does not receive the event "chat" within 300 ms

  Scenario: A member can check any part of what was said
    Given "Bob" is connected to the Socket.IO namespace "/chat" with the auth:
      """
      { "token": "${TOKEN}", "name": "bob" }
      """
    When "Ada" emits "chat" with {"text": "the book is in", "mood": "glad"}
    Then "Bob" receives the event "chat" where:
      | path         | value                |
      | $[0]         | ada                  |
      | $[1].text    | (remember news)      |
      | $[1].mood    | (any string)         |
    And "Bob" remembers "$[1].mood" of the event "chat" as "mood"
    When "Bob" emits "chat" with "${news}, and I am ${mood} too"
    Then "Ada" receives the event "chat" with "bob", "the book is in, and I am glad too"

  Scenario: An order placed in the chat is confirmed with its order id
    When "Ada" emits "order" asking for an acknowledgement with {"item": "book", "quantity": 2}
    Then the acknowledgement is "ok", "(matching ^order-[0-9]+$)"

  Scenario: The order id is kept for later
    When "Ada" emits "order" asking for an acknowledgement with {"item": "pen", "quantity": 1}
    Then the acknowledgement is "ok", "(remember orderId)"
    When "Ada" emits "chat" with "I ordered ${orderId}"
    Then "Ada" does not receive the event "chat" within 200 ms

  Scenario: What members say and order follows the chat's contract
    Given the service follows the contract "contracts/socketio-chat.yaml"
    And "Bob" is connected to the Socket.IO namespace "/chat" with the auth:
      """
      { "token": "${TOKEN}", "name": "bob" }
      """
    When "Ada" emits "chat" with "hi"
    Then "Bob" receives the event "chat" with "ada", "hi"
    When "Ada" emits "order" asking for an acknowledgement with {"item": "lamp", "quantity": 1}
    Then the acknowledgement is "ok", "(any string)"

  Scenario: A member who reconnects joins the chat again
    When "Ada" reconnects
    And "Ada" emits "order" asking for an acknowledgement with {"item": "cup", "quantity": 1}
    Then the acknowledgement is "ok", "(any string)"

  Scenario: A member who leaves is let go by the chat
    When "Ada" emits "leave"
    Then "Ada" is disconnected by the server with the reason "io server disconnect"

  Scenario: Joining without the right token is refused
    Then connecting to the Socket.IO namespace "/chat" fails with "not authorized" for the auth:
      """
      { "token": "guessed", "name": "eve" }
      """
    And connecting to the Socket.IO namespace "/chat" fails with "not authorized"

  Scenario: A namespace the server does not have is refused
    Then connecting to the Socket.IO namespace "/shop" fails with "Invalid namespace"
