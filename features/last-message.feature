@demo-server @orders
Feature: The last message
  "The last message" is the last one received that the connection does not ignore: every sentence
  that says it, checking or remembering, means the same message.

  Scenario: Heartbeats ignored after they came are not the last message
    When I send a POST request to "/api/login" with the JSON:
      """
      { "user": "ada", "password": "open-sesame" }
      """
    And I remember "$.token" of the response as "token"
    And I connect to "/orders?access_token=${token}"
    Then I receive a message matching the JSON schema "schemas/heartbeat.json" within 2 s
    When I ignore messages where "$.type" is "heartbeat"
    And I remember "$.user" of the last message as "user"
    Then the last message matches the JSON schema "schemas/welcome.json"
    And I receive a JSON message with:
      | path      | value              |
      | $.type    | welcome            |
      | $.user    | ${user}            |
      | $.session | (matching ^[^ ]+$) |
