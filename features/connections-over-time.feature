@demo-server
Feature: Connections over time
  Connections that close and open again, messages big enough to reach the server's limit
  (1 MiB on the bundled server), payloads kept in files next to the features, and several
  people hearing the same thing.

  Scenario: A reconnected connection starts a new record
    Given I am connected to the echo server
    When I send "before"
    Then I receive the message "Message text was: before"
    When I reconnect
    And I send "after"
    Then I receive exactly 1 message
    And the next message is "Message text was: after"

  Scenario: A reconnect asks for what the first connection asked for
    Given the request header "Authorization" is "Bearer let-me-in"
    And I am connected to "/secure"
    When I reconnect
    And I send "still me"
    Then I receive the message "Message text was: still me"

  Scenario: The server closed the connection, and I come back
    Given I am connected to the echo server
    When I send "close"
    Then the server closes the connection with status NormalClosure within 2 s
    When I reconnect
    Then I am still connected

  Scenario: A chat member who comes back hears the room again
    Given "Alice" and "Bob" are connected to "/chat?room=over-time-back"
    When "Bob" reconnects
    And "Alice" sends "welcome back"
    Then "Bob" receives a message containing "welcome back"

  Scenario: Whoever is not let in does not get a connection
    Then connecting to "/secure" fails
    And connecting to "/no-such-endpoint" fails
    And connecting to "/stall" fails within 300 ms

  Scenario: A text message of exactly 1 MiB is echoed, one byte more is too big
    Given I am connected to the echo server
    When I send a text message of 1 MiB
    Then I receive a message containing "Message text was: 0123456789" within 5 s
    When I send a text message of 1048577 characters
    Then the server closes the connection with status MessageTooBig within 5 s

  Scenario: A binary message over the limit is too big as well
    Given I am connected to the echo server
    When I send a binary message of 2 MB
    Then the server closes the connection with status MessageTooBig and reason "Messages are limited to 1048576 bytes" within 5 s

  Scenario: Payloads kept in files, with remembered values put in
    Given I am connected to "/json"
    And I remember "Ada" as "user"
    When I send the content of "payloads/greet.json"
    Then I receive a JSON message where "$.text" is "Hello, Ada!"

  Scenario: A text file is sent as text, a binary file byte for byte
    Given I am connected to the echo server
    And I remember "Ada" as "user"
    When I send the content of "payloads/note.txt"
    Then I receive the message "Message text was: Hello, Ada!"
    When I send the binary content of "payloads/raw.bin"
    Then I receive the bytes "24 7B 75 73 65 72 7D 00 FF"

  Scenario: Everyone else in the room hears it
    Given "Alice" and "Bob" are connected to "/chat?room=over-time-news"
    And "Carol" is connected to "/chat?room=over-time-news"
    And "Dave" is connected to "/chat?room=over-time-news"
    When "Alice" sends "lunch is ready"
    Then "Bob" and "Carol" receive the message "lunch is ready"
    And "Bob", "Carol" and "Dave" receive a message containing "lunch"
