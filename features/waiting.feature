@echo
Feature: Waiting
  A sentence that waits goes on the moment what it expects holds, and gives up at the suite's
  timeout, or at the time it names: any sentence the catalog shows with [within T] takes
  "within 500 ms", "within 2 s" in its one form.

  Background:
    Given I am connected to the echo server

  Scenario: The same sentences, each with its own deadline
    When I send "Hello"
    And I send "again"
    Then I receive exactly 2 messages within 1 s
    And the first message contains "Hello" within 1 s
    And the next message is "Message text was: Hello" within 500 ms
    And the next message contains "again" within 500 ms
    And I receive these messages in order within 1 s:
      | containing |
      | Hello      |
      | again      |
    And I see the events "open, message, message" within 1 s

  Scenario: The close, waited for up to the time named
    When I send "close"
    Then the server closes the connection within 2 s
    And I get a close event with status 1000 within 2 s
