@graphql @demo-server
Feature: Orders over GraphQL
  The shop's GraphQL API takes orders, looks them up, and tells subscribers about each new order, all
  over one WebSocket. A client opens the connection with a token; several subscriptions can run on
  the same connection, each heard and stopped on its own.

  Background:
    Given I am connected to the GraphQL endpoint "/graphql" with the init payload:
      """
      { "token": "s3cret" }
      """

  Scenario: A placed order can be looked up by its id
    When I run the GraphQL operation:
      """
      mutation { placeOrder(customer: "ada", item: "book") { id customer item } }
      """
    Then the result of the operation is JSON equal to:
      """
      { "data": { "placeOrder": { "id": "(remember order)", "customer": "ada", "item": "book" } } }
      """
    When I run the GraphQL operation with the variables '{"id": "${order}"}':
      """
      query Order($id: ID!) { order(id: $id) { customer item } }
      """
    Then the result of the operation is JSON containing:
      """
      { "data": { "order": { "customer": "ada", "item": "book" } } }
      """

  Scenario: The results follow the service's contract
    Given the service follows the contract "contracts/graphql-orders.yaml"
    When I run the GraphQL operation:
      """
      mutation { placeOrder(customer: "ada", item: "lamp") { id customer item } }
      """
    Then the result of the operation is JSON containing:
      """
      { "data": { "placeOrder": { "id": "(any string)", "item": "lamp" } } }
      """

  Scenario: A client that reconnects opens with its token again
    When I reconnect
    And I run the GraphQL operation:
      """
      mutation { placeOrder(customer: "ada", item: "cup") { item } }
      """
    Then the result of the operation is JSON equal to:
      """
      { "data": { "placeOrder": { "item": "cup" } } }
      """

  Scenario: Looking up an order that does not exist is an error
    When I run the GraphQL operation:
      """
      { order(id: "no-such-order") { id } }
      """
    Then the operation fails with "No order no-such-order."

  Scenario: Each subscriber hears of the new orders of its own customer only
    When I subscribe as "grace's orders" with the variables '{"customer": "grace"}' to:
      """
      subscription OrderPlaced($customer: String) { orderPlaced(customer: $customer) { id customer item } }
      """
    And I subscribe as "linus's orders" with the variables '{"customer": "linus"}' to:
      """
      subscription OrderPlaced($customer: String) { orderPlaced(customer: $customer) { id customer item } }
      """
    And I run the GraphQL operation:
      """
      mutation { placeOrder(customer: "grace", item: "compiler") { id } }
      """
    Then the next result of "grace's orders" is one where "$.data.orderPlaced.item" is "compiler"
    And the subscription "linus's orders" gets no further result within 300 ms

  Scenario: A subscriber that unsubscribes hears of no more orders
    Given the next GraphQL operation has the variables:
      | path       | value |
      | $.customer | edsger |
    When I subscribe as "edsger's orders" to:
      """
      subscription OrderPlaced($customer: String) { orderPlaced(customer: $customer) { id item } }
      """
    And I run the GraphQL operation:
      """
      mutation { placeOrder(customer: "edsger", item: "pen") { id } }
      """
    Then the next result of "edsger's orders" is one where:
      | path                    | value             |
      | $.data.orderPlaced.id   | (remember pen_id)  |
      | $.data.orderPlaced.item | pen               |
    When I unsubscribe from "edsger's orders"
    And I run the GraphQL operation:
      """
      mutation { placeOrder(customer: "edsger", item: "ink") { id } }
      """
    Then the subscription "edsger's orders" gets no further result within 300 ms

  Scenario: A countdown counts to one and ends
    When I subscribe as "countdown" to:
      """
      subscription { countdown(from: 2) }
      """
    Then the next result of "countdown" is JSON equal to:
      """
      { "data": { "countdown": 2 } }
      """
    And the next result of "countdown" is JSON equal to:
      """
      { "data": { "countdown": 1 } }
      """
    And the subscription "countdown" completes

  Scenario: A subscription the schema does not allow is refused
    When I subscribe as "by shop" to:
      """
      subscription { orderPlaced(shop: "north") { id } }
      """
    Then the subscription "by shop" fails with "Unknown argument"

  Scenario: A wrong token is refused when connecting
    Then connecting to the GraphQL endpoint "/graphql" with this init payload fails with "4403":
      """
      { "token": "wrong" }
      """
