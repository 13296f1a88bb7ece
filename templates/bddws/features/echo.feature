Feature: Echo
  The service answers every text message; replace these scenarios with your own.
  Every sentence you may use is in reports/step-catalog.html after a run.

  Scenario: The service answers what I send
    Given I am connected to the echo server
    When I send "Hello"
    Then I receive a message containing "Hello"

  Scenario: Nothing arrives until I speak
    Given I am connected to the echo server
    Then I receive no message within 200 ms
