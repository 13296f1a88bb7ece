@demo-server
Feature: Values carried from one step to the next
  A value the server sent is remembered and written as ${name} in later steps.

  Background:
    Given I am connected to "/json"

  Scenario: An id from one reply is repeated in the next request
    When I send the JSON:
      """
      { "type": "greet", "name": "Ada" }
      """
    Then I receive a JSON message where "$.type" is "greeting"
    And I remember "$.to.name" of the message that matched as "name"
    When I send a JSON message with:
      | path      | value   |
      | type      | greet   |
      | name      | ${name} Lovelace |
    Then I receive a JSON message where "$.text" is "Hello, ${name} Lovelace!"

  Scenario: Generated values go out and come back
    Given I remember a unique id as "requestId"
    When I send "{\"type\":\"ref\",\"ref\":\"${requestId}\"}"
    Then I receive a JSON message where "$.received.ref" is "${requestId}"
    And I remember "$.received.ref" of the last message as "echoed"
    And I receive a message containing "${echoed}"

  Scenario: A secret is masked wherever it appears afterwards
    Given I remember "s3cr3t-t0ken" as "token"
    When I send "{\"type\":\"login\",\"token\":\"${token}\"}"
    Then I receive a message containing "${token}"

  Scenario: Remembered values and times compared
    Given I remember a unique id as "first"
    And I remember a unique id as "second"
    And I remember the current time as "start"
    When I remember the current time as "end"
    Then "${second}" differs from "${first}"
    And the time "${end}" is later than "2020-01-01T00:00:00Z"
    And the time "${end}" is within 5s of "${start}"
    And the time "${end}" is within 30s of now
