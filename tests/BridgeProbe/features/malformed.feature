@malformed
Feature: Malformed
  @stray
  Scenario: Has a stray line
    Given a note "x"
  this line is not Gherkin
