Feature: A step in the writer's own words

  Scenario: The writer calls a hub method with a word the catalog does not use
    When I call Add(2, 3)
