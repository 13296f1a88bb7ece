using BddWs.Cli.Recording;
using BddWs.Cli.Recording.Drafting;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Drafts.Sessions;

namespace BddWs.StepDefinitions.Tests.Drafts;

/// <summary>
/// How a draft treats values: placeholders exactly where two recordings differ, a value sent back
/// remembered where it arrived, heartbeats as one ignore rule, secrets of every kind never written.
/// Every draft here is checked against the catalog by Reqnroll's own matching.
/// </summary>
public sealed class DraftValuesTests(DraftRunner runner) : IClassFixture<DraftRunner>
{
    [Fact]
    public void Two_recordings_give_placeholders_exactly_where_their_values_differ()
    {
        RecordedSession Quotes(string price, string venue, string source) => new(source,
        [
            new WebSocketOpened(Ms(0), "q", new Uri("wss://prices.example.com/quotes"), [], null),
            FromClient(5, """{"type":"watch","symbol":"ACME"}""", "q"),
            FromServer(9, $$"""{"type":"quote","symbol":"ACME","price":{{price}},"venue":"{{venue}}","currency":"EUR"}""", "q"),
        ]);

        var one = Draft([Quotes("101.5", "north", "first.har")]);
        var two = Draft([Quotes("101.5", "north", "first.har"), Quotes("99.25", "south", "second.har")]);

        one.Should().Contain("""{"type":"quote","symbol":"ACME","price":101.5,"venue":"north","currency":"EUR"}""");
        two.Should().Contain("""
                    "symbol": "ACME",
                    "price": "(any number)",
                    "venue": "(any string)",
                    "currency": "EUR"
            """)
            .And.StartWith("# Drafted from first.har and second.har: ")
            .And.Contain("Given I am connected to \"/quotes\"", "the recorded host becomes the server under test");
    }

    [Fact]
    public void Two_recordings_of_the_orders_session_differ_only_in_what_already_looked_generated()
    {
        var one = Draft([Orders(FirstRun)]);
        var two = Draft([Orders(FirstRun), Orders(SecondRun, "proxy to http://localhost:5000")]);

        two.Should().Be(one);
    }

    [Fact]
    public void A_value_that_arrived_and_was_sent_back_is_remembered_where_it_arrived_and_used_by_name()
    {
        var draft = Draft([new RecordedSession("resume.har",
        [
            new WebSocketOpened(Ms(0), "s", new Uri("ws://localhost:8080/game"), [], null),
            FromServer(2, """{"type":"welcome","ticket":"T-0042-BLUE"}""", "s"),
            FromClient(10, """{"type":"resume","ticket":"T-0042-BLUE","move":"e4"}""", "s"),
            FromServer(12, """{"type":"moved","ticket":"T-0042-BLUE","move":"e4"}""", "s"),
        ])]);

        draft.Should().Contain(
            """
                Then I receive a JSON message containing:
                  \"\"\"
                  {"type":"welcome","ticket":"(remember ticket)"}
                  \"\"\"
                When I send the JSON:
                  \"\"\"
                  {"type":"resume","ticket":"${ticket}","move":"e4"}
                  \"\"\"
                Then I receive a JSON message containing:
                  \"\"\"
                  {"type":"moved","ticket":"${ticket}","move":"e4"}
                  \"\"\"
            """.Replace("\\\"", "\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_the_client_named_first_is_written_as_it_is_where_it_comes_back_and_is_sent_again()
    {
        var draft = Draft([new RecordedSession("rooms.har",
        [
            new WebSocketOpened(Ms(0), "r", new Uri("ws://localhost:8080/rooms"), [], null),
            FromClient(10, """{"type":"join","room":"lobby-7"}""", "r"),
            FromServer(12, """{"type":"joined","room":"lobby-7","members":2}""", "r"),
            FromClient(20, """{"type":"leave","room":"lobby-7"}""", "r"),
        ])]);

        draft.Should().Contain("""{"type":"joined","room":"lobby-7","members":2}""")
            .And.Contain("""{"type":"leave","room":"lobby-7"}""")
            .And.NotContain("remember", "the room is the client's own word, not a value the service handed out");
    }

    [Fact]
    public void A_token_handed_out_in_a_response_header_is_remembered_from_the_header()
    {
        var draft = Draft([new RecordedSession("header-token.har",
        [
            new HttpExchange(Ms(0), "POST", new Uri("http://localhost:8080/api/session"), [], """{"user":"ada"}""", 204,
                [Header("X-Auth-Token", "4f9c2b7e1d8a6f3c0b5e9d2a"), Header("Date", "Sun, 06 Dec 2026 05:40:00 GMT")], null),
            new HttpExchange(Ms(100), "GET", new Uri("http://localhost:8080/api/me"), [Header("Authorization", "Bearer 4f9c2b7e1d8a6f3c0b5e9d2a")], null, 200,
                [], """{"user":"ada"}"""),
        ])]);

        draft.Should().Contain(
            """
                Then the response status is 204
                And I remember the response header "X-Auth-Token" as "authToken"
                Given the HTTP header "Authorization" is "Bearer ${authToken}"
                When I send a GET request to "/api/me"
            """).And.NotContain("4f9c2b7e1d8a6f3c0b5e9d2a").And.Contain("# It needs no environment variables.");
    }

    [Fact]
    public void Heartbeats_become_one_ignore_rule_and_are_not_expected()
    {
        var draft = Draft([Orders(FirstRun)]);

        draft.Split('\n').Where(l => l.Contains("heartbeat", StringComparison.Ordinal)).Should().Equal(
            "    And I ignore messages where \"$.type\" is \"heartbeat\"");
    }

    [Fact]
    public void A_value_the_client_chose_and_the_service_echoes_stays_as_it_was_though_it_looks_like_an_id()
    {
        var draft = Draft([new RecordedSession("orders.har",
        [
            new WebSocketOpened(Ms(0), "o", new Uri("ws://localhost:8080/orders"), [], null),
            FromClient(100, """{"type":"subscribe","topic":"orders","requestId":"subscription"}""", "o"),
            FromServer(102, """{"type":"subscribed","requestId":"subscription","topic":"orders"}""", "o"),
            FromServer(103, """{"type":"notice","requestId":"unasked1"}""", "o"),
        ])]);

        draft.Should().Contain("""{"type":"subscribed","requestId":"subscription","topic":"orders"}""")
            .And.Contain("""{"type":"notice","requestId":"(any string)"}""", "a value the client never sent is still the service's");
    }

    [Fact]
    public void Text_pings_become_one_ignore_rule_too()
    {
        var draft = Draft([new RecordedSession("ticker.har",
        [
            new WebSocketOpened(Ms(0), "t", new Uri("ws://localhost:8080/ticker"), [], null),
            FromServer(1000, "ping", "t"),
            FromClient(1100, "hello", "t"),
            FromServer(1102, "Message text was: hello", "t"),
            FromServer(2000, "ping", "t"),
            FromServer(3000, "ping", "t"),
        ])]);

        draft.Should().EndWith(
            """
                Given I am connected to "/ticker"
                And I ignore messages matching "^ping$"
                When I send "hello"
                Then I receive the message "Message text was: hello"

            """);
    }

    [Fact]
    public void Secrets_of_every_kind_are_never_written_and_each_names_its_variable()
    {
        string[] secrets = ["hunter2-very-secret", "sk_live_51HfG2kLmN", "c2Vzc2lvbj1hYmMxMjM", "Zm9vOmJhcg==", "dGhlLWh1Yi10b2tlbg", "ws-query-token-77"];
        var draft = Draft([new RecordedSession("shop.har",
        [
            new HttpExchange(Ms(0), "POST", new Uri("https://shop.example.com/api/session"), [Header("Authorization", $"Basic {secrets[3]}"), Header("X-Api-Key", secrets[1])],
                $$"""{"user":"ada","password":"{{secrets[0]}}"}""", 200, [Header("Set-Cookie", $"sid={secrets[2]}; HttpOnly")],
                """{"ok":true,"refreshToken":"r3fr3sh-t0k3n-99","token_type":"Bearer"}"""),
            new WebSocketOpened(Ms(50), "live", new Uri($"wss://shop.example.com/live?access_token={secrets[5]}&room=7"), [Header("Cookie", $"sid={secrets[2]}")], null),
            FromClient(60, $$"""{"type":"auth","apiKey":"{{secrets[1]}}"}""", "live"),
            FromServer(62, """{"type":"ready"}""", "live"),
            new WebSocketOpened(Ms(70), "hub", new Uri($"wss://shop.example.com/hubs/orders?id=abc&access_token={secrets[4]}"), [], null),
            FromClient(71, """{"protocol":"json","version":1}""" + "\u001e", "hub"),
            FromServer(72, "{}\u001e", "hub"),
        ])]);

        foreach (var secret in secrets.Append("r3fr3sh-t0k3n-99"))
        {
            draft.Should().NotContain(secret);
        }

        draft.Should().Contain("# Set SESSION_PASSWORD, AUTHORIZATION, X_API_KEY, COOKIE, ACCESS_TOKEN and ACCESS_TOKEN_2 in the environment before it runs")
            .And.Contain("    # Set SESSION_PASSWORD in the environment: the recording's value is not kept.\n    Given the remembered value \"SESSION_PASSWORD\" is secret\n")
            .And.Contain("the HTTP header \"Authorization\" is \"Basic ${AUTHORIZATION}\"")
            .And.Contain("the HTTP header \"X-Api-Key\" is \"${X_API_KEY}\"")
            .And.Contain("{\"type\":\"auth\",\"apiKey\":\"${X_API_KEY}\"}")
            .And.Contain("\"refreshToken\":\"(any string)\",\"token_type\":\"Bearer\"", "Bearer is a word, not a secret")
            .And.Contain("is connected to \"/live?access_token=${ACCESS_TOKEN}&room=7\"")
            .And.Contain("the request header \"Cookie\" is \"${COOKIE}\"")
            .And.Contain("is connected to the hub \"/hubs/orders\" with the access token \"${ACCESS_TOKEN_2}\"");
    }

    [Fact]
    public void A_short_password_is_read_from_the_environment_too()
    {
        var draft = Draft([new RecordedSession("short.har",
        [
            new HttpExchange(Ms(0), "POST", new Uri("http://localhost:8080/login"), [], """{"user":"ada","password":"secret"}""", 200, [], """{"user":"ada"}"""),
        ])]);

        draft.Should().Contain("""{"user":"ada","password":"${LOGIN_PASSWORD}"}""").And.NotContain("\"secret\"")
            .And.Contain("Given the remembered value \"LOGIN_PASSWORD\" is secret");
    }

    [Fact]
    public void Nothing_to_draft_from_says_so_in_one_line()
    {
        FluentActions.Invoking(() => FeatureDraft.Write([], new DraftOptions())).Should().Throw<RecordingException>()
            .WithMessage("There is no recording to write a draft from.");
        FluentActions.Invoking(() => FeatureDraft.Write([new RecordedSession("empty.har", [])], new DraftOptions())).Should().Throw<RecordingException>()
            .WithMessage("empty.har recorded no HTTP call and no WebSocket connection to write a draft from.");
    }

    private string Draft(IReadOnlyList<RecordedSession> recordings)
    {
        var draft = FeatureDraft.Write(recordings, new DraftOptions());
        runner.Unmatched(draft).Should().BeEmpty($"every step of a draft is a catalog sentence:\n{draft}");
        TestContext.Current.TestOutputHelper?.WriteLine(draft);
        return draft;
    }
}
