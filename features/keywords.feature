@echo
Feature: Any keyword works
  As in Cucumber, the keyword before a sentence never decides whether it exists: a sentence the
  step catalog shows after Then may follow Given, When, And, But or a plain *.

  Scenario: Sentences follow the keyword that reads best to the writer
    * I am connected to the echo server
    Then I send "Hello"
    Given I receive a message containing "Hello"
    When I send "again"
    And I receive exactly 2 messages
    But the second message contains "again"
    * I close the connection
    Given I see the events "open, message, message, close"
