@demo-server @orders
Feature: Logging in to the order stream
  A customer logs in over HTTP with a password, gets a token, and opens the order stream over a
  WebSocket with it. The token is a secret: the report shows it as ***.

  Scenario: A good password gives a token that opens the order stream
    When I send a POST request to "/api/login" with the JSON:
      """
      { "user": "ada", "password": "open-sesame" }
      """
    Then the response status is 200
    And the response JSON "$.user" is "ada"
    And I remember "$.token" of the response as "token"
    Given the request header "Authorization" is "Bearer ${token}"
    When I connect to "/orders"
    And I ignore messages where "$.type" is "heartbeat"
    And I remember the handshake header "X-Session-Id" as "session"
    Then the next message is a JSON message equal to:
      """
      { "type": "welcome", "user": "ada", "session": "${session}" }
      """
    And the last message matches the JSON schema "schemas/welcome.json"

  Scenario: A wrong password gets no token
    When I send a POST request to "/api/login" with the JSON:
      """
      { "user": "ada", "password": "guess" }
      """
    Then the response status is 401
    And the response JSON has:
      | path    | value               |
      | $.error | invalid credentials |
      | $.token | (missing)           |

  Scenario: Without a token there is no order stream
    Then connecting to "/orders" fails
    When I try to connect to "/orders?access_token=made-up"
    Then connecting fails with status 401

  Scenario: The token may travel in the address instead of a header
    When I send a POST request to "/api/login" with the JSON:
      """
      { "user": "grace", "password": "open-sesame" }
      """
    And I remember "$.token" of the response as "token"
    And I connect to "/orders?access_token=${token}"
    Then I receive a JSON message where "$.user" is "grace"

  Scenario: Heartbeats keep coming while nothing else happens
    When I send a POST request to "/api/login" with the JSON:
      """
      { "user": "ada", "password": "open-sesame" }
      """
    And I remember "$.token" of the response as "token"
    And I connect to "/orders?access_token=${token}"
    Then I receive a message matching the JSON schema "schemas/heartbeat.json" within 2 s

  Scenario: A login from a file, and a body too large for the service
    Given I remember "ada" as "user"
    When I send a POST request to "/api/login" with the content of "payloads/login.json"
    Then the response status is 200
    When I send a POST request to "/api/login" with a body of 2 MB
    Then the response status is 413

  Scenario: A header left out of later requests
    Given the HTTP header "X-Request-Id" is "login-1"
    And the HTTP header "X-Request-Id" is not sent
    And I remember "ada" as "user"
    When I send a POST request to "/api/login" with the content of "payloads/login.json"
    Then the response status is 200
