using System.Net;
using BddWs.Driver.Http;
using BddWs.Driver.Hubs;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests.Hubs;

/// <summary>The suite's hub client against hubs written by hand: framing, negotiation and the hub handshake.</summary>
public sealed class HubConnectionTests
{
    private const string Separator = "\u001e";

    [Fact]
    public async Task Each_record_of_a_frame_is_one_message_and_the_frame_is_counted_once()
    {
        await using var hub = await ScriptedHub.StartAsync(async socket =>
        {
            await ScriptedHub.AcceptHandshakeAsync(socket);
            await ScriptedServer.SendTextAsync(socket,
                """{"type":1,"target":"A","arguments":[1]}""" + Separator + """{"type":6}""" + Separator + """{"type":1,"target":"B","arguments":["x"]}""" + Separator);
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        await using var scenario = await Scenario.StartAsync(hub.Url);

        var connection = await scenario.Hubs.ConnectAsync("", "/hub");
        var outcome = await connection.Session.WaitForAsync(Expect.MessageCount(2), Patience.MustHappen);

        outcome.Verdict.Should().Be(Verdict.Met, outcome.Explain());
        var received = outcome.Events.ReceivedEvents().ToList();
        received.Select(e => HubShown.Record(e.Message)).Should().Equal("handshake ok", "A(1)", "ping", "B(\"x\")");
        received.Select(e => e.ContinuesFrame).Should().Equal(false, false, true, true);
        received.Select(e => e.Message.Text).Should().NotContain(text => text.Contains(Separator));
        hub.Queries.Should().Equal("?id=t-1");
    }

    [Fact]
    public async Task A_refused_hub_handshake_fails_the_connection_with_the_hubs_reason()
    {
        await using var hub = await ScriptedHub.StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await ScriptedServer.SendTextAsync(socket, """{"error":"The protocol 'json' is not supported."}""" + Separator);
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        await using var scenario = await Scenario.StartAsync(hub.Url);

        var failure = await FluentActions.Awaiting(() => scenario.Hubs.ConnectAsync("", "/hub")).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().Be($"Could not connect to the hub {hub.Url}?id=t-1: the hub refused the handshake: The protocol 'json' is not supported.");
    }

    [Theory]
    [InlineData("""{"negotiateVersion":1,"connectionToken":"t","availableTransports":[{"transport":"ServerSentEvents","transferFormats":["Text"]},{"transport":"LongPolling","transferFormats":["Text"]}]}""",
        "the server does not offer WebSockets for this hub (it offers ServerSentEvents, LongPolling); this suite speaks to hubs over WebSockets only")]
    [InlineData("""{"error":"Negotiate failed: the hub is full."}""", "the negotiation was answered with the error \"Negotiate failed: the hub is full.\"")]
    [InlineData("""{"url":"https://x.service.signalr.net/client/?hub=chat","accessToken":"abc"}""",
        "the negotiation redirects to \"https://x.service.signalr.net/client/?hub=chat\" (a SignalR service in front of the hub); this suite connects to a hub directly and does not follow redirects")]
    public async Task A_negotiation_that_does_not_allow_a_websocket_is_refused_in_one_line(string answer, string reason)
    {
        await using var hub = await ScriptedHub.StartAsync(_ => Task.CompletedTask, answer);
        await using var scenario = await Scenario.StartAsync(hub.Url);

        var failure = await FluentActions.Awaiting(() => scenario.Hubs.ConnectAsync("", "/hub")).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().Be($"Could not connect to the hub {hub.Url}: {reason}");
        hub.Queries.Should().BeEmpty("no WebSocket is opened after a refused negotiation");
        scenario.Connections.Reported.Should().ContainSingle().Which.Log.Snapshot().Should().ContainSingle()
            .Which.Should().BeOfType<ErrorEvent>().Which.Reason.Should().Be(failure.Which.Message, "the report tells why");
    }

    [Fact]
    public async Task A_negotiation_answered_with_401_says_so()
    {
        await using var hub = await ScriptedHub.StartAsync(_ => Task.CompletedTask, "", HttpStatusCode.Unauthorized);
        await using var scenario = await Scenario.StartAsync(hub.Url);

        var attempt = await scenario.Hubs.AttemptAsync("/hub");

        attempt.Outcome.Should().Be(ConnectionOutcome.HttpStatus);
        attempt.Description.Should().Be(
            $"Could not connect to the hub {hub.Url}: the negotiation (POST {new UriBuilder(hub.Url) { Scheme = "http" }.Uri}/negotiate?negotiateVersion=1) was answered with HTTP 401 (credentials missing or rejected)");
        scenario.Connections.LastAttempt.Should().Be(attempt);
    }

    [Fact]
    public async Task A_client_that_has_sent_nothing_for_the_keep_alive_interval_sends_a_ping_record()
    {
        var received = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = await ScriptedHub.StartAsync(async socket =>
        {
            await ScriptedHub.AcceptHandshakeAsync(socket);
            received.TrySetResult(await ScriptedServer.ReceiveTextAsync(socket));
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        await using var session = new WebSocketSession("", hub.Url, new ConnectionOptions { Dialect = HubDialect.Instance });
        await session.ConnectAsync();
        using var connection = new HubConnection(session, TimeSpan.FromMilliseconds(50));
        await connection.HandshakeAsync(Patience.MustHappen);

        (await received.Task.WaitAsync(Patience.MustHappen, TestContext.Current.CancellationToken)).Should().Be("{\"type\":6}" + Separator);
        session.Log.Snapshot().OfType<MessageEvent>().Where(e => e.Direction == MessageDirection.Sent)
            .Select(e => HubShown.Sent(e.Message)).Should().StartWith(["handshake json 1", "ping"]);
    }

    /// <summary>The scenario-scoped objects a hub connection needs, against one server.</summary>
    private sealed class Scenario : IAsyncDisposable
    {
        private readonly HttpTransport _transport;

        private Scenario(SuiteSettings settings, ServerUnderTest server)
        {
            _transport = new HttpTransport(settings);
            Connections = new ScenarioConnections(server, settings);
            Hubs = new ScenarioHubs(Connections, _transport, settings);
        }

        public ScenarioConnections Connections { get; }

        public ScenarioHubs Hubs { get; }

        public static async Task<Scenario> StartAsync(Uri url)
        {
            var settings = new SuiteSettings(url, TimeSpan.FromMilliseconds(300), Patience.MustHappen);
            var server = new ServerUnderTest(settings);
            await server.StartAsync();
            return new Scenario(settings, server);
        }

        public async ValueTask DisposeAsync()
        {
            Hubs.Dispose();
            await Connections.DisposeAsync();
            _transport.Dispose();
        }
    }
}
