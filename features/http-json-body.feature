@demo-server @orders
Feature: The HTTP response body as a JSON document
  An answer's body is checked as a whole document, or as containing one, or against a JSON
  Schema, with the same placeholders as a JSON message: (any string), (any number), (present),
  (matching …), (missing), (remember name).

  Scenario: A login answers with a token, checked as a document, against its schema and field by field
    When I send a POST request to "/api/login" with the JSON:
      """
      { "user": "ada", "password": "open-sesame" }
      """
    Then the response status is 200
    And the response matches the JSON schema "schemas/login.json"
    And the response JSON is:
      """
      { "token": "(remember token)", "user": "ada", "expiresIn": "(any number)" }
      """
    And the response JSON contains:
      """
      { "user": "(matching ^[a-z]+$)" }
      """
    And the response JSON has:
      | path        | value            |
      | $.token     | (present)        |
      | $.expiresIn | (matching ^\d+$) |
      | $.error     | (missing)        |
    And the response JSON "$.user" is "(any string)"
    Given the request header "Authorization" is "Bearer ${token}"
    When I connect to "/orders"
    Then I receive a JSON message where "$.type" is "welcome"
