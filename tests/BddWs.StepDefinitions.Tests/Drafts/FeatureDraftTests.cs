using BddWs.Cli.Recording;
using BddWs.Cli.Recording.Drafting;
using FluentAssertions;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Drafts;

/// <summary>
/// The draft of a recorded session: catalog sentences only (every step found by Reqnroll's own
/// matching), green against the service it was recorded from, red with one readable line against
/// one that answers differently, and never a secret written.
/// </summary>
public sealed class FeatureDraftTests(DraftRunner runner) : IClassFixture<DraftRunner>
{
    private static readonly DraftOptions Orders = new("Orders", "Ada orders a book and cancels it");

    static FeatureDraftTests() =>
        // What the draft's comment asks for: the password the service takes, from the environment.
        Environment.SetEnvironmentVariable("LOGIN_PASSWORD", Sessions.Password);

    [Fact]
    public void The_orders_session_is_drafted_in_catalog_sentences_with_its_generated_values_as_placeholders()
    {
        Draft([Sessions.Orders(Sessions.FirstRun)], Orders).Should().Be(
            """"
            # Drafted from proxy to http://localhost:5000: a draft to read and tidy before it is kept.
            # Set LOGIN_PASSWORD in the environment before it runs: the recording's secrets are not kept.
            Feature: Orders

              Scenario: Ada orders a book and cancels it
                # Set LOGIN_PASSWORD in the environment: the recording's value is not kept.
                Given the remembered value "LOGIN_PASSWORD" is secret
                And I send a POST request to "/api/login" with the JSON:
                  """
                  {"user":"ada","password":"${LOGIN_PASSWORD}"}
                  """
                Then the response status is 200
                And the response JSON contains:
                  """
                  {"token":"(any string)","user":"ada","expiresIn":3600}
                  """
                And I remember "$.token" of the response as "token"
                Given the request header "Authorization" is "Bearer ${token}"
                And I am connected to "/orders"
                And I ignore messages where "$.type" is "heartbeat"
                Then I receive a JSON message containing:
                  """
                  {"type":"welcome","user":"ada","session":"(any string)"}
                  """
                When I send the JSON:
                  """
                  {"type":"subscribe","topic":"orders","requestId":"r1"}
                  """
                Then I receive a JSON message containing:
                  """
                  {"type":"subscribed","requestId":"r1","topic":"orders"}
                  """
                Given the HTTP header "Authorization" is "Bearer ${token}"
                When I send a POST request to "/api/orders" with the JSON:
                  """
                  {"item":"book","quantity":2}
                  """
                Then the response status is 201
                And the response JSON contains:
                  """
                  {
                    "id": "(any string)",
                    "item": "book",
                    "quantity": 2,
                    "status": "created",
                    "createdAt": "(matching ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})"
                  }
                  """
                And I remember "$.id" of the response as "orderId"
                And I receive a JSON message containing:
                  """
                  {
                    "type": "order.created",
                    "seq": 1,
                    "order": {
                      "id": "${orderId}",
                      "item": "book",
                      "quantity": 2,
                      "status": "created",
                      "createdAt": "(matching ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})"
                    }
                  }
                  """
                When I send a DELETE request to "/api/orders/${orderId}"
                Then the response status is 204
                And I receive a JSON message containing:
                  """
                  {"type":"order.cancelled","seq":2,"id":"${orderId}"}
                  """
                When I close the connection

            """");
    }

    [Fact]
    public void The_guide_for_product_owners_shows_the_draft_of_this_session_as_it_is_written()
    {
        var guide = File.ReadAllText(BddWs.Testing.Repository.PathOf("docs/recording.md")).ReplaceLineEndings("\n");
        var start = guide.IndexOf("```gherkin\n", StringComparison.Ordinal) + "```gherkin\n".Length;
        var shown = guide[start..guide.IndexOf("```\n", start, StringComparison.Ordinal)];

        shown.Should().Be(Draft([Sessions.Orders(Sessions.FirstRun)], Orders));
    }

    [Fact]
    public async Task The_orders_draft_runs_green_against_the_service_it_was_recorded_from()
    {
        var draft = Draft([Sessions.Orders(Sessions.FirstRun)], Orders);

        (await runner.RunAsync(draft)).Should().BeNull(draft);
    }

    [Fact]
    public async Task The_same_draft_fails_in_one_readable_line_where_the_service_answers_one_field_differently()
    {
        // Recorded from a service whose tokens lasted two hours: the bundled one's last one.
        var draft = Draft([Sessions.Orders(Sessions.FirstRun with { ExpiresIn = 7200 })], Orders);

        var failure = await runner.RunAsync(draft);

        failure.Should().NotBeNull(draft);
        var (step, message) = (failure!.Split('\n')[0], failure.Split('\n')[1]);
        step.Should().Be("And the response JSON contains:");
        message.Replace(runner.Server.ToString(), "http://server/", StringComparison.Ordinal).Should().Be(
            "Expected the response to POST http://server/api/login to be JSON containing {\"token\":\"(any string)\",\"user\":\"ada\",\"expiresIn\":7200}, " +
            "but it differs at $.expiresIn: expected 7200, received 3600 (200 OK: {\"token\":\"***\",\"user\":\"ada\",\"expiresIn\":3600}).");
    }

    [Fact]
    public async Task A_hub_session_is_drafted_in_hub_sentences_named_after_its_users_and_runs_green()
    {
        var draft = Draft([Sessions.Chat()], new DraftOptions("Chat", "Bob and Carol talk"));

        draft.Should().EndWith(
            """
              Scenario: Bob and Carol talk
                Given "Bob" is connected to the hub "/hubs/chat"
                And "Carol" is connected to the hub "/hubs/chat"
                When "Bob" invokes Add(2, 3)
                Then the invocation returns 5
                When "Bob" invokes SendMessage("Bob", "hi")
                Then "Bob" receives ReceiveMessage("Bob", "hi")
                And "Carol" receives ReceiveMessage("Bob", "hi")
                When "Carol" invokes SendMessage("Carol", "hello Bob")
                Then "Bob" receives ReceiveMessage("Carol", "hello Bob")
                And "Carol" receives ReceiveMessage("Carol", "hello Bob")

            """, "the negotiation, the handshake and the pings are the hub's plumbing");
        (await runner.RunAsync(draft)).Should().BeNull(draft);
    }

    [Fact]
    public async Task A_hub_stream_and_a_question_the_hub_asked_are_drafted_in_their_sentences_and_run_green()
    {
        var draft = Draft([new RecordedSession("countdown.har",
        [
            new WebSocketOpened(Sessions.Ms(0), "c", new Uri("ws://localhost:5000/hubs/chat?id=Zm9vYmFy"), [], null),
            Sessions.FromClient(1, """{"protocol":"json","version":1}""" + "\u001e", "c"),
            Sessions.FromServer(2, "{}\u001e", "c"),
            Sessions.FromClient(10, """{"type":4,"invocationId":"0","target":"Countdown","arguments":[3,10]}""" + "\u001e", "c"),
            Sessions.FromServer(11, """{"type":2,"invocationId":"0","item":3}""" + "\u001e", "c"),
            Sessions.FromServer(21, """{"type":2,"invocationId":"0","item":2}""" + "\u001e", "c"),
            Sessions.FromServer(31, """{"type":2,"invocationId":"0","item":1}""" + "\u001e" + """{"type":3,"invocationId":"0"}""" + "\u001e", "c"),
            Sessions.FromClient(40, """{"type":1,"invocationId":"1","target":"Introduce","arguments":["hello"]}""" + "\u001e", "c"),
            Sessions.FromServer(41, """{"type":3,"invocationId":"1"}""" + "\u001e" + """{"type":1,"invocationId":"0","target":"GetName","arguments":["hello"]}""" + "\u001e", "c"),
            Sessions.FromClient(42, """{"type":3,"invocationId":"0","result":"bob"}""" + "\u001e", "c"),
            Sessions.FromServer(43, """{"type":1,"target":"Welcome","arguments":["bob"]}""" + "\u001e", "c"),
        ])], new DraftOptions("Chat", "The hub counts down and asks my name"));

        draft.Should().EndWith(
            """
                Given I answer the hub's GetName with "bob"
                And I am connected to the hub "/hubs/chat"
                When I stream Countdown(3, 10)
                Then the stream yields 3, 2 and 1 and completes
                When I invoke Introduce("hello")
                Then I was asked GetName("hello")
                And I receive Welcome("bob")

            """);
        (await runner.RunAsync(draft)).Should().BeNull(draft);
    }

    [Fact]
    public async Task A_socketio_session_is_drafted_in_socketio_sentences_and_two_recordings_leave_the_order_id_open()
    {
        var draft = Draft([Sessions.SocketIoChat(1), Sessions.SocketIoChat(3)], new DraftOptions("Chat", "Ada orders in the chat"));

        draft.Should().EndWith(
            """"
              Scenario: Ada orders in the chat
                # Set CHAT_TOKEN in the environment: the recording's value is not kept.
                Given the remembered value "CHAT_TOKEN" is secret
                And "Ada" is connected to the Socket.IO namespace "/chat" with the auth:
                  """
                  {"token":"${CHAT_TOKEN}","name":"ada"}
                  """
                And "Bob" is connected to the Socket.IO namespace "/chat" with the auth:
                  """
                  {"token":"${CHAT_TOKEN}","name":"bob"}
                  """
                When "Ada" emits "chat" with "hi"
                Then "Bob" receives the event "chat" with "ada", "hi"
                When "Ada" emits "order" asking for an acknowledgement with {"item":"book","quantity":2}
                Then the acknowledgement is "ok", "(any string)"

            """");
        draft.Should().NotContain("chat-secret");
        Environment.SetEnvironmentVariable("CHAT_TOKEN", "chat-secret");
        (await runner.RunAsync(draft)).Should().BeNull(draft);
    }

    [Fact]
    public async Task A_graphql_session_is_drafted_in_graphql_sentences_and_runs_green()
    {
        var draft = Draft([Sessions.GraphQlOrders(1), Sessions.GraphQlOrders(5)], new DraftOptions("Orders over GraphQL", "Ada hears of her order"));

        draft.Should().EndWith(
            """"
              Scenario: Ada hears of her order
                # Set GRAPHQL_TOKEN in the environment: the recording's value is not kept.
                Given the remembered value "GRAPHQL_TOKEN" is secret
                And I am connected to the GraphQL endpoint "/graphql" with the init payload:
                  """
                  {"token":"${GRAPHQL_TOKEN}"}
                  """
                When I subscribe as "OrderPlaced" with the variables '{"customer":"ada"}' to:
                  """
                  subscription OrderPlaced($customer: String) { orderPlaced(customer: $customer) { id customer item } }
                  """
                And I run the GraphQL operation:
                  """
                  mutation { placeOrder(customer: "ada", item: "book") { id customer item } }
                  """
                Then the result of the operation is JSON containing:
                  """
                  {"data":{"placeOrder":{"id":"(any string)","customer":"ada","item":"book"}}}
                  """
                And the next result of "OrderPlaced" is JSON containing:
                  """
                  {"data":{"orderPlaced":{"id":"(any string)","customer":"ada","item":"book"}}}
                  """
                When I unsubscribe from "OrderPlaced"

            """");
        Environment.SetEnvironmentVariable("GRAPHQL_TOKEN", "s3cret");
        (await runner.RunAsync(draft)).Should().BeNull(draft);
    }

    [Fact]
    public async Task A_connection_the_service_refused_is_drafted_as_an_attempt_that_fails_with_its_status()
    {
        var draft = Draft([new RecordedSession("refused.har",
        [
            new HttpExchange(Sessions.Ms(0), "GET", new Uri("http://localhost:5000/orders"),
                [Sessions.Header("Upgrade", "websocket"), Sessions.Header("Connection", "Upgrade")], null, 401, [Sessions.Header("WWW-Authenticate", "Bearer")], ""),
        ])], new DraftOptions("Orders", "Nobody gets in without a token"));

        draft.Should().EndWith(
            """
                When I try to connect to "/orders"
                Then connecting fails with status 401

            """);
        (await runner.RunAsync(draft)).Should().BeNull(draft);
    }

    [Fact]
    public void Secrets_are_never_written_and_each_names_the_variable_to_set()
    {
        var draft = Draft([Sessions.Orders(Sessions.FirstRun)], Orders);

        draft.Should().NotContain(Sessions.Password).And.NotContain(Sessions.FirstRun.Token);
    }

    private string Draft(IReadOnlyList<RecordedSession> recordings, DraftOptions options)
    {
        var draft = FeatureDraft.Write(recordings, options);
        runner.Unmatched(draft).Should().BeEmpty($"every step of a draft is a catalog sentence:\n{draft}");
        return draft;
    }
}
