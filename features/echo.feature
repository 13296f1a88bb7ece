@echo
Feature: Echo
  The server answers every text message with "Message text was: <text>",
  and closes the connection when asked to with the text "close".

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
