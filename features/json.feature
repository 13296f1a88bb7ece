@demo-server
Feature: JSON messages
  The JSON endpoint answers commands in JSON; its replies are checked by path.

  Background:
    Given I am connected to "/json"

  Scenario: A greeting, checked by path
    When I send the JSON:
      """
      { "type": "greet", "name": "Ada" }
      """
    Then I receive a JSON message where "$.type" is "greeting"
    And I receive a JSON message with:
      | path       | value        |
      | $.text     | Hello, Ada!  |
      | $.to.name  | Ada          |
      | $.to.email | (missing)    |

  Scenario: A message built from a table
    When I send a JSON message with:
      | path    | value |
      | type    | add   |
      | numbers | [1, 2, 3, 4] |
    Then I receive a JSON message where "$.value" is "10"

  Scenario: Anything else is echoed back inside the reply
    When I send a JSON message with:
      | path          | value   |
      | order.id      | 42      |
      | order.express | true    |
      | order.note    | "0042"  |
    Then I receive a JSON message with:
      | path                    | value |
      | $.type                  | echo  |
      | $.received.order.id     | 42    |
      | $.received.order.express | true |
      | $.received.order.note   | 0042  |

  Scenario: Invalid JSON gets an error reply, and the connection stays open
    When I send "{ not json"
    Then I receive a JSON message where "$.type" is "error"
    And I am still connected

  Scenario: A burst of ticks arrives in order
    When I send the JSON:
      """
      {"type": "burst", "count": 3}
      """
    Then I receive these messages in order:
      | message                |
      | {"type":"tick","seq":1} |
      | {"type":"tick","seq":2} |
      | {"type":"tick","seq":3} |

  Scenario: A slow answer still arrives within the time allowed
    When I send the JSON:
      """
      {"type": "delay", "ms": 1000, "text": "late"}
      """
    Then I receive no message within 50 ms
    And I receive a JSON message where "$.text" is "late" within 5 s

  Scenario Outline: Sums
    When I send the JSON:
      """
      {"type": "add", "numbers": [<a>, <b>]}
      """
    Then I receive a JSON message where "$.value" is "<sum>"

    Examples:
      | a  | b  | sum |
      | 1  | 2  | 3   |
      | -5 | 5  | 0   |
      | 40 | 2  | 42  |
