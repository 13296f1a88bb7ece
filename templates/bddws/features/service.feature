@ignore
Feature: The service
  Replace this with your own features (remove the @ignore above to run it). The suite hosts your
  service itself: "I am connected" opens the path named in features/ServiceHosting.cs (AppHostHosting.cs for an Aspire AppHost), and a path
  such as "/chat" is taken on the same service. Every sentence you may use is in
  reports/step-catalog.html after a run.

  Scenario: The service accepts a connection
    Given I am connected
    Then I am still connected
