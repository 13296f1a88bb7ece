@demo-server
Feature: JSON documents
  Replies of the JSON endpoint checked as whole documents: key order, white space and how a
  number is written do not matter; "(any …)" accepts a value of a kind, "(remember name)"
  keeps it as ${name} for later steps. JSON Schema files next to this feature check their shape.

  Background:
    Given I am connected to "/json"

  Scenario: A greeting equal to the document expected, whatever its key order
    When I send the JSON:
      """
      { "type": "greet", "name": "Ada" }
      """
    Then I receive a JSON message equal to:
      """
      {
        "to": { "name": "Ada" },
        "type": "greeting",
        "text": "Hello, Ada!"
      }
      """

  Scenario: A value the reply makes is remembered and used in the next request
    When I send the JSON:
      """
      { "type": "greet", "name": "Grace" }
      """
    Then I receive a JSON message containing:
      """
      { "type": "greeting", "to": { "name": "(remember name)" }, "text": "(any string)" }
      """
    When I send the JSON:
      """
      { "type": "greet", "name": "${name} Hopper" }
      """
    Then I receive a JSON message containing:
      """
      { "text": "Hello, ${name} Hopper!", "email": "(missing)" }
      """

  Scenario: Numbers compare as numbers
    When I send the JSON:
      """
      { "type": "add", "numbers": [1.5, 2.5] }
      """
    Then I receive within 2 s a JSON message equal to:
      """
      { "type": "sum", "value": 4.0 }
      """

  Scenario: Extra fields are allowed in "containing", also inside arrays
    When I send the JSON:
      """
      { "items": [ { "id": "a-1", "qty": 2 }, { "id": "b-2", "qty": 1 } ], "note": "gift" }
      """
    Then I receive a JSON message containing:
      """
      { "type": "echo", "received": { "items": [ { "id": "(any string)" }, { "qty": "(any number)" } ] } }
      """

  Scenario: The next messages, one by one
    When I send the JSON:
      """
      { "type": "burst", "count": 3 }
      """
    Then the next message is a JSON message equal to:
      """
      { "type": "tick", "seq": 1 }
      """
    And the next message is a JSON message containing:
      """
      { "seq": 2 }
      """
    And the next message is a JSON message equal to:
      """
      { "type": "tick", "seq": "(remember last)" }
      """
    And I receive a JSON message where "$.seq" is "${last}"

  Scenario: Two people, each with the replies to what they sent
    Given "Alice" is connected to "/json"
    When "Alice" sends the JSON:
      """
      { "type": "burst", "count": 2 }
      """
    Then "Alice" receives within 2 s a JSON message containing:
      """
      { "type": "tick", "seq": 2 }
      """
    And the next message to "Alice" is a JSON message equal to:
      """
      { "type": "tick", "seq": 1 }
      """
    And the next message to "Alice" is a JSON message containing:
      """
      { "seq": "(any number)" }
      """
    And the last message to "Alice" matches the JSON schema "schemas/json-tick.json"
    And every message "Alice" received matches the JSON schema "schemas/json-tick.json"
    And "Alice" receives a message matching the JSON schema "schemas/json-tick.json" within 1 s

  Scenario: Replies match their JSON schemas
    When I send the JSON:
      """
      { "type": "greet", "name": "Ada" }
      """
    Then I receive a message matching the JSON schema "schemas/json-greeting.json"
    And the last message matches the JSON schema "schemas/json-greeting.json"
    When I send the JSON:
      """
      { "type": "burst", "count": 2 }
      """
    Then I receive exactly 3 messages
    And every message I received matches the JSON schema "schemas/json-reply.json"
