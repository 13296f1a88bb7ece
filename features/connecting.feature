@demo-server
Feature: Connecting
  Who may connect, with what, and what happens when connecting fails.

  Rule: The secure endpoint wants a bearer token at the handshake

    Scenario: Without a token the handshake is refused with 401
      When I try to connect to "/secure"
      Then connecting fails with status 401

    Scenario: A token in the Authorization header opens the connection
      Given the request header "Authorization" is "Bearer let-me-in"
      When I try to connect to "/secure"
      Then connecting succeeds
      And I am still connected

    Scenario: A token in the query string opens the connection too
      Given the query parameter "access_token" is "let-me-in"
      And I am connected to "/secure"
      When I send "hi"
      Then I receive the message "Message text was: hi"

    Scenario: A token for every connection opens each of them
      Given the request header "Authorization" is "Bearer let-me-in" for every connection
      When "Ann" connects to "/secure"
      And "Ben" connects to "/secure"
      Then "Ann" is still connected
      And "Ben" is still connected

    Scenario: A wrong token is refused
      Given the request header "Authorization" is "Bearer guess"
      When I try to connect to "/secure"
      Then connecting fails with status 401

  Rule: Connecting can fail in several ways, each said plainly

    Scenario: A path the server does not have
      When I try to connect to "/nowhere"
      Then connecting fails with status 404
      And I get an error event containing "404"

    Scenario: Nothing listens at the address
      When I try to connect to "ws://127.0.0.1:1/ws"
      Then connecting is refused

    Scenario: The server never answers the handshake
      When I try to connect to "/stall" within 300 ms
      Then connecting times out

    Scenario: Any failure will do when the reason does not matter
      When I try to connect to "/nowhere"
      Then connecting fails

  Rule: The handshake can negotiate a subprotocol and carries headers

    Scenario: The JSON endpoint speaks its subprotocol when asked
      Given the subprotocol "chat.v9" is requested
      And the subprotocol "bddws.json" is requested
      When I connect to "/json"
      Then the negotiated subprotocol is "bddws.json"
      And the handshake response has the header "X-Server" with value "BddWs"

    Scenario: No subprotocol when none is asked for
      Given I am connected to "/json"
      Then no subprotocol is negotiated
      And the handshake response has the header "X-Server"
