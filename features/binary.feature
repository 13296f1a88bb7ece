@demo-server
Feature: Binary messages
  The bundled server sends binary messages back as they came.

  Background:
    Given I am connected to the echo server

  Scenario: Bytes written in hexadecimal come back as bytes
    When I send the bytes "00 01 7f 80 ff"
    Then I receive the bytes "00 01 7F 80 FF"

  Scenario: Bytes written in base64 come back as bytes
    When I send the base64 bytes "SGVsbG8="
    Then I receive the bytes "48 65 6c 6c 6f" within 1 s
    And I receive exactly 1 message
