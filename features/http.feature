@demo-server
Feature: HTTP beside WebSocket
  A scenario calls the server over HTTP and talks to it over WebSocket; the report tells both
  in one timeline, under the step that caused them.

  Scenario: The health endpoint answers in JSON
    When I send a GET request to "/health"
    Then the response status is 200
    And the response header "Content-Type" contains "application/json"
    And the response header "X-Server" is "BddWs"
    And the response body contains "connections"
    And the response JSON "$.status" is "ok"
    And the response JSON has:
      | path          | value     |
      | $.status      | ok        |
      | $.error       | (missing) |

  Scenario: A value from an HTTP response travels over WebSocket
    Given I am connected to the echo server
    And the HTTP header "X-Request-Id" is "health-1"
    When I send a GET request to "/health"
    And I remember "$.status" of the response as "health"
    And I remember the response status as "code"
    And I remember the response header "X-Server" as "server"
    And I send "${server} is ${health} (${code})"
    Then I receive the message "Message text was: BddWs is ok (200)"

  Scenario: The health endpoint takes no orders
    When I send a POST request to "/health" with the JSON:
      """
      { "order": "book" }
      """
    Then the response status is 405
    And the response header "Allow" is "GET"
