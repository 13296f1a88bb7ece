Feature: What the report shows

  Scenario: Step texts with escaped quotes
    Given I am connected
    When I send "{\"target\":\"Said\",\"type\":3}"
    Then I receive a message containing "\"type\":3"
    And I receive a message matching "\"target\":\"(PlayerJoined|Said)\""
    When I send 'it\'s \\ ${BDDWS_PROBE_PLAIN}'
    Then I receive a message containing "it's \\ plain-value"

  Scenario: A secret read from the environment
    Given the remembered value "BDDWS_PROBE_RESERVE" is secret
    And I am connected
    When I send "reserve ${BDDWS_PROBE_RESERVE}"
    Then I receive a message containing "no such text"

  Scenario: A name marked secret that never had a value
    Given the remembered value "BDDWS_PROBE_RESERV" is secret
    And I am connected
    When I send "hello"
    Then I receive a message containing "hello"

  Scenario: A message too long for its line
    Given I am connected
    When I send a text message of 300 characters
    Then I receive a message containing "0123456789"
