Feature: Leak

  Scenario: A connection is left open
    Given a connection the scenario never closes
