Feature: A broken contract

  Scenario: The server sends a sum that is not the text the contract asks for
    Given the service follows the contract "contracts/text-sum.yaml"
    And I am connected to "/json"
    When I send the JSON:
      """
      { "type": "add", "numbers": [1, 2, 3] }
      """
    Then I receive a message containing "sum"

  Scenario: The contract itself has a mistake
    Given the service follows the contract "contracts/misspelt.yaml"
    And I am connected to "/json"
    When I send the JSON:
      """
      { "type": "add", "numbers": [1, 2, 3] }
      """
    Then I receive a message containing "sum"
