using System.Net.WebSockets;
using BddWs.StepDefinitions;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>Connecting and closing steps, in front of a server that does the opposite of what they expect.</summary>
public sealed class ConnectionAndClosingStepFailureTests
{
    [Fact]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.FailsWithStatus))]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.IsRefused))]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.TimesOut))]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.FailsWithHandshakeError))]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.FailsOnTls))]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.Fails))]
    public async Task Connecting_fails_steps_fail_when_connecting_succeeds()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => []));
        await steps.Connecting.TryConnect(I, steps.Url.ToString());

        FailureOf(() => steps.Connecting.FailsWithStatus(401)).Should().Be($"Expected connecting to {steps.Url} to fail with HTTP 401, but it connected.");
        FailureOf(steps.Connecting.IsRefused).Should().Be($"Expected connecting to {steps.Url} to be refused, but it connected.");
        FailureOf(steps.Connecting.TimesOut).Should().Be($"Expected connecting to {steps.Url} to time out, but it connected.");
        FailureOf(steps.Connecting.FailsWithHandshakeError).Should().Be($"Expected connecting to {steps.Url} to fail with a handshake error, but it connected.");
        FailureOf(steps.Connecting.FailsOnTls).Should().Be($"Expected connecting to {steps.Url} to fail on TLS, but it connected.");
        FailureOf(steps.Connecting.Fails).Should().Be($"Expected connecting to {steps.Url} to fail, but it connected.");
    }

    [Fact]
    public async Task Each_kind_of_connection_failure_fails_the_step_expecting_another_kind()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => []));
        var wss = new UriBuilder(steps.Url) { Scheme = "wss" }.Uri;
        await steps.Connecting.TryConnect(I, wss.ToString());

        FailureOf(steps.Connecting.FailsWithHandshakeError).Should().StartWith(
            $"Expected connecting to {wss} to fail with a handshake error, but the TLS handshake failed (");
        steps.Connecting.FailsOnTls();
        steps.Connecting.Fails();

        await using var wrongKey = RawServer.Start(RawServer.ReadsButNeverAnswers, _ => RawServer.SwitchingProtocols("not the client's key"));
        await steps.Connecting.TryConnect(I, wrongKey.Url.ToString());

        FailureOf(steps.Connecting.FailsOnTls).Should().StartWith(
            $"Expected connecting to {wrongKey.Url} to fail on TLS, but the server's handshake answer has ").And.Contain("Sec-WebSocket-Accept");
        steps.Connecting.FailsWithHandshakeError();
        steps.Connecting.Fails();
    }

    [Fact]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.Succeeds))]
    public async Task Connecting_succeeds_fails_with_the_reason_and_without_an_attempt()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => []));

        FailureOf(steps.Connecting.Succeeds).Should().Be(
            "Expected connecting to succeed, but no connection was attempted; use a \"try to connect\" step first.");
        await steps.Connecting.TryConnect(I, "/nowhere");
        FailureOf(steps.Connecting.Succeeds).Should().Be(
            $"Expected connecting to {new Uri(steps.Url, "/nowhere")} to succeed, but the server answered HTTP 404 Not Found (is the path right?).");
    }

    [Fact]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.NegotiatedSubProtocol))]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.NoSubProtocol))]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.HandshakeHeader))]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.HandshakeHeaderValue))]
    public async Task Handshake_steps_fail_on_what_the_server_did_not_answer()
    {
        await using var steps = await ConnectedAsync(_ => []);

        FailureOf(() => steps.Connecting.NegotiatedSubProtocol("bddws.json")).Should().Be(
            $"Expected the subprotocol \"bddws.json\" to be negotiated with {steps.Url}, but none was.");
        FailureOf(() => steps.Connecting.HandshakeHeader("X-Server")).Should().StartWith(
            $"Expected the handshake response from {steps.Url} to have the header \"X-Server\", but it had only: ").And.Contain("Upgrade");
        FailureOf(() => steps.Connecting.HandshakeHeaderValue("Upgrade", "h2")).Should().Be(
            $"Expected the handshake response from {steps.Url} to have the header \"Upgrade\" with value \"h2\", but its value was \"websocket\".");

        await using var chosen = await StartAsync(async socket => await ScriptedServer.ReceiveTextAsync(socket), subProtocol: "x.v1");
        chosen.Connecting.SubProtocol("x.v1");
        await chosen.Connecting.ConnectToEcho(I);
        FailureOf(chosen.Connecting.NoSubProtocol).Should().Be($"Expected no subprotocol to be negotiated with {chosen.Url}, but \"x.v1\" was.");
    }

    [Fact]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.StillConnected))]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.ServerCloses))]
    public async Task Still_connected_fails_once_the_server_closed_and_server_closes_fails_when_it_never_does()
    {
        await using var steps = await ConnectedAsync(_ => []);
        (await FailureOf(() => steps.Closing.ServerCloses())).Should().Be(
            "Expected the server to close the connection within 300 ms, but the connection did not close. Connection: open.");

        await using var closing = await StartAsync(socket => socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "no", CancellationToken.None));
        await closing.Connecting.ConnectToEcho(I);
        await closing.ClosedAsync(I);
        (await FailureOf(() => closing.Connecting.StillConnected(I))).Should().MatchRegex(
            @"^Expected the connection to be open \(decided after \d+ ms of 300 ms\), but the events were open, close\. Connection: closed by server with 1008 PolicyViolation ""no""\.$");
    }

    [Fact]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.ServerClosesWith))]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.ServerClosesWithReason))]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.CloseEventWith))]
    public async Task Close_status_steps_fail_on_another_status_or_reason()
    {
        await using var steps = await StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await socket.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);
        });
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, "close");
        await steps.ClosedAsync(I);

        (await FailureOf(() => steps.Closing.ServerClosesWith(WebSocketCloseStatus.NormalClosure))).Should().MatchRegex(
            @"^Expected the server to close the connection with 1000 NormalClosure \(decided after \d+ ms of 300 ms\), " +
            @"but the server closed it with 1001 GoingAway ""going away""\.$");
        (await FailureOf(() => steps.Closing.ServerClosesWithReason(WebSocketCloseStatus.EndpointUnavailable, "bye"))).Should().StartWith(
            "Expected the server to close the connection with 1001 GoingAway and reason \"bye\"");
        (await FailureOf(() => steps.Closing.CloseEventWith(I, (WebSocketCloseStatus)1006))).Should().StartWith(
            "Expected a close event with 1006 AbnormalClosure");
    }

    [Fact]
    public async Task A_status_without_a_name_reads_as_its_number_and_a_dropped_connection_as_dropped()
    {
        await using var own = await StartAsync(socket => socket.CloseAsync((WebSocketCloseStatus)4001, "bye", CancellationToken.None));
        await own.Connecting.ConnectToEcho(I);
        await own.ClosedAsync(I);
        (await FailureOf(() => own.Closing.ServerClosesWith((WebSocketCloseStatus)4002))).Should().MatchRegex(
            @"^Expected the server to close the connection with 4002 \(decided after \d+ ms of 300 ms\), but the server closed it with 4001 ""bye""\.$");

        await using var dropping = await StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            socket.Abort();
        });
        await dropping.Connecting.ConnectToEcho(I);
        await dropping.Sending.SendText(I, "drop me");
        await dropping.ClosedAsync(I);
        (await FailureOf(() => dropping.Closing.ServerCloses())).Should().MatchRegex(
            @"^Expected the server to close the connection \(decided after \d+ ms of 300 ms\), but the connection dropped with 1006 AbnormalClosure");
    }

    [Fact]
    public async Task A_close_the_client_made_is_told_as_such()
    {
        await using var steps = await ConnectedAsync(_ => []);
        await steps.Closing.CloseWithReason(I, (WebSocketCloseStatus)4000, "done");
        await steps.ClosedAsync(I);

        (await FailureOf(() => steps.Closing.CloseEventWith(I, WebSocketCloseStatus.NormalClosure))).Should().MatchRegex(
            @"^Expected a close event with 1000 NormalClosure \(decided after \d+ ms of 300 ms\), but the client closed it and the server answered with 4000 ""done""\.$");
    }

    [Fact]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.CloseEvent))]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.ErrorEvent))]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.ErrorEventContaining))]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.Timeline))]
    public async Task Event_steps_fail_when_the_events_did_not_happen()
    {
        await using var steps = await ConnectedAsync(text => [text]);
        await steps.Sending.SendText(I, "a");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.Closing.CloseEvent(I))).Should().Be(
            "Expected a close event within 300 ms, but the connection did not close. Connection: open.");
        (await FailureOf(() => steps.Closing.ErrorEvent(I))).Should().Be(
            "Expected an error event within 300 ms, but the events were open, message. Connection: open.");
        (await FailureOf(() => steps.Closing.ErrorEventContaining(I, "reset"))).Should().StartWith("Expected an error event containing \"reset\" within 300 ms");
        (await FailureOf(() => steps.Closing.Timeline(I, "open, message, message"))).Should().Be(
            "Expected the events open, message, message within 300 ms, but the events were open, message. Connection: open.");
        (await FailureOf(() => steps.Closing.Timeline(I, "open, close"))).Should().MatchRegex(
            @"^Expected the events open, close \(decided after \d+ ms of 300 ms\), but the events were open, message\. Connection: open\.$");
    }
}
