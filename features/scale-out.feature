@scale-out
Feature: Scale-out
  The service runs as several instances behind one Redis, as real ones do. Whatever is sent through
  one instance reaches the clients of every other: a hub broadcast, a hub group message, a chat
  room message, an order event. Instances "a" and "b" share a Redis; instance "c" has lost its
  Redis, and says so.

  Scenario: A hub broadcast reaches the clients of the other instance
    Given "Alice" is connected to the hub "/hubs/chat" on instance "a"
    And "Bob" is connected to the hub "/hubs/chat" on instance "b"
    When "Alice" invokes SendMessage("Alice", "hello from a")
    Then "Bob" receives ReceiveMessage("Alice", "hello from a")
    And "Alice" receives ReceiveMessage("Alice", "hello from a")

  Scenario: A hub group message reaches the members on the other instance, and nobody else
    Given "Alice" is connected to the hub "/hubs/chat" on instance "a"
    And "Bob" is connected to the hub "/hubs/chat" on instance "b"
    And "Carol" is connected to the hub "/hubs/chat" on instance "b"
    When "Bob" invokes JoinGroup("scale-red", "bob")
    Then "Bob" receives UserJoined("bob", "scale-red")
    When "Alice" invokes SendToGroup("scale-red", "alice", "just the reds")
    Then "Bob" receives ReceiveMessage("alice", "just the reds")
    And "Carol" does not receive ReceiveMessage("alice", "just the reds") within 300 ms

  Scenario: A chat room message reaches the members of the room on the other instance
    Given I am connected to "/chat?room=scale-out" on instance "a"
    And "Bob" is connected to "/chat?room=scale-out" on instance "b"
    When I send "hello from a"
    Then "Bob" receives the message "hello from a"

  Scenario: An order created on one instance is announced to a subscriber of the other
    Given I send a POST request to "/api/login" on instance "b" with the JSON:
      """
      { "user": "bob", "password": "open-sesame" }
      """
    And I remember "$.token" of the response as "tokenB"
    And the request header "Authorization" is "Bearer ${tokenB}"
    And I am connected to "/orders" on instance "b"
    And I ignore messages where "$.type" is "heartbeat"
    When I send the JSON:
      """
      { "type": "subscribe", "topic": "orders", "requestId": "subscription" }
      """
    Then the next message where "$.requestId" is "subscription" arrives
    When I send a POST request to "/api/login" on instance "a" with the JSON:
      """
      { "user": "ada", "password": "open-sesame" }
      """
    And I remember "$.token" of the response as "tokenA"
    And the HTTP header "Authorization" is "Bearer ${tokenA}"
    And I send a POST request to "/api/orders" on instance "a" with the JSON:
      """
      { "item": "lamp", "quantity": 3 }
      """
    Then the response status is 201
    And I remember "$.id" of the response as "orderId"
    And the next message where "$.type" is "order.created" arrives
    And I receive a JSON message where "$.order.id" is "${orderId}"

  Scenario: Instances that reach Redis say so on /health
    When I send a GET request to "/health" on instance "a"
    Then the response status is 200
    And the response JSON "$.status" is "ok"
    And the response JSON "$.redis" is "connected"

  Scenario: An instance that has lost Redis says it is degraded, and tells a sender what did not get through
    When I send a GET request to "/health" on instance "c"
    Then the response status is 200
    And the response JSON "$.status" is "degraded"
    And the response JSON "$.redis" is "unreachable"
    Given I am connected to "/chat?room=scale-out-alone" on instance "c"
    When I send "anyone there?"
    Then I receive the message "Your message was not delivered to the other instances of the service: Redis cannot be reached."
