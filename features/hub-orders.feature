@demo-server @orders @hubs @serial
Feature: Order events on the orders hub
  A logged-in customer connects to the orders hub with the token of their login and hears about
  every order created or cancelled over HTTP. Every connection of the hub hears of every order,
  so these scenarios run while no other feature runs (@serial).

  Background:
    Given I send a POST request to "/api/login" with the JSON:
      """
      { "user": "ada", "password": "open-sesame" }
      """
    And I remember "$.token" of the response as "token"
    And the HTTP header "Authorization" is "Bearer ${token}"

  Scenario: The hub knows whom the token was issued to
    Given I am connected to the hub "/hubs/orders" with the access token "${token}"
    When I invoke WhoAmI()
    Then the invocation returns "ada"

  Scenario: An order created, then cancelled, over HTTP is announced on the hub
    Given I am connected to the hub "/hubs/orders" with the access token "${token}"
    When I send a POST request to "/api/orders" with the JSON:
      """
      { "item": "book", "quantity": 2 }
      """
    Then the response status is 201
    And I remember "$.id" of the response as "orderId"
    And I receive a call to OrderCreated where:
      | path          | value      |
      | $[0].id       | ${orderId} |
      | $[0].item     | book       |
      | $[0].quantity | 2          |
      | $[0].status   | created    |
    When I send a DELETE request to "/api/orders/${orderId}"
    Then the response status is 204
    And I receive OrderCancelled("${orderId}")

  Scenario: Without a token the hub lets nobody in
    Then connecting to the hub "/hubs/orders" fails with "HTTP 401"

  Scenario: A customer who reconnects is still known by their token
    Given I am connected to the hub "/hubs/orders" with the access token "${token}"
    When I reconnect
    And I invoke WhoAmI()
    Then the invocation returns "ada"
