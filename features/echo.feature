@echo
Feature: Echo
  The server answers every text message with "Message text was: <text>",
  and closes the connection when asked to with the text "close".
  These scenarios need nothing but that contract, so they run against any echo server.

  Background:
    Given I am connected to the echo server

  Scenario: Two messages are echoed in order
    When I send "Hello, WebSocket!"
    And I send "How are you?"
    Then I receive exactly 2 messages
    And the first message contains "Hello, WebSocket!"
    And the second message contains "How are you?"

  Scenario: Sending "close" makes the server close the connection
    When I send "close"
    Then the server closes the connection with status 1000
    And I see the events "open, close"

  Scenario: A reply is the exact text, and fast
    When I send "Hello"
    Then I receive a reply within 500 ms
    And I receive the message "Message text was: Hello"
    And I receive a message matching "^Message text was: H[a-z]+$"

  Scenario: Replies can be read one after the other
    When I send these messages:
      | message |
      | one     |
      | two     |
      | three   |
    Then the next message is "Message text was: one"
    And the next message contains "two"
    And the next message contains "three"
    And I receive these messages in order:
      | containing |
      | one        |
      | two        |
      | three      |

  Scenario: A multi-line message comes back whole
    When I send:
      """
      first line
      second line
      """
    Then I receive a message matching "^Message text was: first line\nsecond line$"

  Scenario: Quotes and backslashes inside a quoted text
    When I send "say \"hi\""
    Then I receive the message "Message text was: say \"hi\""
    And I receive the message 'Message text was: say "hi"'
    When I send 'it\'s a back\\slash'
    Then I receive the message "Message text was: it's a back\\slash"
    And the second message contains "back\\slash"

  Scenario: Many messages are all answered, in order
    When I send 50 messages like "ping {n}"
    Then I receive exactly 50 messages within 5 s
    And the 1st message is "Message text was: ping 1"
    And the 50th message is "Message text was: ping 50"

  Scenario: The server says nothing until spoken to
    Then I receive no message within 100 ms
    And I am still connected

  Scenario: I close the connection
    When I send "bye"
    Then I receive a message containing "bye"
    When I close the connection with status GoingAway and reason "done for today"
    Then I get a close event
    And I see the events "open, message, close"

  Scenario Outline: Every text comes back with the prefix
    When I send "<text>"
    Then I receive the message "Message text was: <text>"

    Examples:
      | text        |
      | Hello       |
      | ünïcödé ✓   |
      | 12345       |
