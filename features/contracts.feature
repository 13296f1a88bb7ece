@demo-server @serial
Feature: Messages held to an AsyncAPI contract
  Once a scenario follows a contract, every message sent or received on a channel of it must fit
  one of that channel's messages; a message that does not fails the step where it was sent or arrived.
  It creates orders, which every subscriber hears of, so it runs while no other feature runs (@serial).

  Scenario: The JSON endpoint keeps to its AsyncAPI 3.0 contract
    Given the service follows the contract "contracts/json.yaml"
    And I am connected to "/json"
    When I send the JSON:
      """
      { "type": "greet", "name": "Ada" }
      """
    Then the last message matches the contract message "greeting"
    When I send the JSON:
      """
      { "type": "add", "numbers": [1, 2, 3] }
      """
    Then I receive a message matching the contract message "sum"
    When I send the JSON:
      """
      { "type": "burst", "count": 3 }
      """
    Then I receive exactly 5 messages

  Scenario: An error reply is part of the contract too
    Given the service follows the contract "contracts/json.yaml"
    And I am connected to "/json"
    When I send the JSON:
      """
      { "type": "close", "code": 2000 }
      """
    Then I receive a message matching the contract message "error" within 2 s
    And I am still connected

  @orders
  Scenario: The orders service keeps to its AsyncAPI 2.6 contract
    Given the service follows the contract "contracts/orders.json"
    And I send a POST request to "/api/login" with the JSON:
      """
      { "user": "ada", "password": "open-sesame" }
      """
    And I remember "$.token" of the response as "token"
    And the HTTP header "Authorization" is "Bearer ${token}"
    And the request header "Authorization" is "Bearer ${token}"
    And I am connected to "/orders"
    And I ignore messages where "$.type" is "heartbeat"
    Then the last message matches the contract message "welcome"
    When I send the JSON:
      """
      { "type": "subscribe", "topic": "orders", "requestId": "r1" }
      """
    Then the next message where "$.requestId" is "r1" arrives
    And the last message matches the contract message "subscribed"
    When I send a POST request to "/api/orders" with the JSON:
      """
      { "item": "book", "quantity": 2 }
      """
    And I remember "$.id" of the response as "orderId"
    Then I receive a message matching the contract message "order.created"
    When I send a DELETE request to "/api/orders/${orderId}"
    Then I receive a message matching the contract message "order.cancelled"
