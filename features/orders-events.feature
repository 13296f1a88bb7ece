@demo-server @orders @serial
Feature: Order events
  A logged-in customer subscribes to the order stream and hears, between heartbeats, about
  every order created or cancelled over HTTP. Replies carry the id of the request they answer.
  Every subscriber hears of every order, so these scenarios run while no other feature runs (@serial).

  Background:
    Given I send a POST request to "/api/login" with the JSON:
      """
      { "user": "ada", "password": "open-sesame" }
      """
    And I remember "$.token" of the response as "token"
    And the HTTP header "Authorization" is "Bearer ${token}"
    And the request header "Authorization" is "Bearer ${token}"
    And I am connected to "/orders"
    And I ignore messages where "$.type" is "heartbeat"
    When I send the JSON:
      """
      { "type": "subscribe", "topic": "orders", "requestId": "subscription" }
      """
    Then the next message where "$.requestId" is "subscription" arrives

  Scenario: An order created over HTTP is announced to the subscriber
    When I send a POST request to "/api/orders" with the JSON:
      """
      { "item": "book", "quantity": 2 }
      """
    Then the response status is 201
    And I remember "$.id" of the response as "orderId"
    And the response header "Location" is "/api/orders/${orderId}"
    And the next message is a JSON message equal to:
      """
      {
        "type": "order.created",
        "seq": 1,
        "order": {
          "id": "${orderId}",
          "item": "book",
          "quantity": 2,
          "status": "created",
          "createdAt": "(any string)"
        }
      }
      """
    And the last message matches the JSON schema "schemas/order-created.json"
    And I receive no further message within 300 ms

  Scenario: A reply carries the id of the request it answers
    Given I send a POST request to "/api/orders" with the JSON:
      """
      { "item": "lamp", "quantity": 1 }
      """
    And I remember "$.id" of the response as "orderId"
    And I remember a unique id as "requestId"
    When I send the JSON:
      """
      { "type": "get-order", "id": "${orderId}", "requestId": "${requestId}" }
      """
    Then the next message where "$.requestId" is "${requestId}" arrives
    And I receive a JSON message containing:
      """
      { "type": "order", "requestId": "${requestId}", "order": { "id": "${orderId}", "createdAt": "(remember createdAt)" } }
      """
    And I send a GET request to "/api/orders/${orderId}"
    And the response JSON "$.createdAt" is "${createdAt}"

  Scenario: Events are counted and numbered in order
    When I send a POST request to "/api/orders" with the JSON:
      """
      { "item": "pen", "quantity": 1 }
      """
    And I send a POST request to "/api/orders" with the JSON:
      """
      { "item": "ink", "quantity": 3 }
      """
    And I send a POST request to "/api/orders" with the JSON:
      """
      { "item": "pad", "quantity": 5 }
      """
    Then I receive exactly 3 messages where "$.type" is "order.created"
    And I receive messages where "$.seq" runs from 1 to 3

  Scenario: A cancelled order is announced, and is gone
    Given I send a POST request to "/api/orders" with the JSON:
      """
      { "item": "kite", "quantity": 1 }
      """
    And I remember "$.id" of the response as "orderId"
    When I send a DELETE request to "/api/orders/${orderId}"
    Then the response status is 204
    And the next message where "$.type" is "order.cancelled" arrives
    And I receive a JSON message where "$.id" is "${orderId}"
    When I send a GET request to "/api/orders/${orderId}"
    Then the response status is 404
    And the response JSON "$.error" is "no order with id ${orderId}"

  Scenario: A bad order is refused and nobody hears of it
    When I send a POST request to "/api/orders" with the JSON:
      """
      { "item": "book", "quantity": 0 }
      """
    Then the response status is 400
    And the response JSON "$.error" is "quantity must be a whole number from 1 to 10000"
    And I receive no further message within 300 ms

  Scenario: Every subscriber hears of a new order
    Given "Bob" is connected to "/orders?access_token=${token}"
    And "Carol" is connected to "/orders?access_token=${token}"
    When "Bob" sends the JSON:
      """
      { "type": "subscribe", "topic": "orders" }
      """
    And "Carol" sends the JSON:
      """
      { "type": "subscribe", "topic": "orders" }
      """
    Then "Bob" and "Carol" receive a message containing "subscribed"
    When I send a POST request to "/api/orders" with the JSON:
      """
      { "item": "cake", "quantity": 12 }
      """
    Then "Bob" and "Carol" receive a JSON message where "$.type" is "order.created"

  Scenario: Coming back after a drop, the customer is welcomed again
    When I reconnect
    Then the next message where "$.type" is "welcome" arrives
    And I receive exactly 0 messages where "$.type" is "order.created"
