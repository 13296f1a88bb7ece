using System.Net.WebSockets;
using BddWs.ReqnrollPlugin.Reporting;
using BddWs.StepDefinitions;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// The sentences about connections over time (waiting longer for a close, a one-step failing
/// connection, several connections in one expectation) in front of a server that does the wrong thing.
/// </summary>
public sealed class ConnectionsOverTimeStepFailureTests
{
    private static readonly ConnectionName Bob = new("Bob");
    private static readonly ConnectionName Carol = new("Carol");
    private static readonly ConnectionName Dave = new("Dave");

    [Fact]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.ServerCloses))]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.ServerClosesWith))]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.ServerClosesWithReason))]
    public async Task Server_closes_within_fails_when_the_server_keeps_the_connection_open()
    {
        await using var steps = await ConnectedAsync(_ => []);
        var within = new Duration(TimeSpan.FromMilliseconds(50));

        (await FailureOf(() => steps.Closing.ServerCloses(within))).Should().Be(
            "Expected the server to close the connection within 50 ms, but the connection did not close. Connection: open.");
        (await FailureOf(() => steps.Closing.ServerClosesWith(WebSocketCloseStatus.MessageTooBig, within))).Should().Be(
            "Expected the server to close the connection with 1009 MessageTooBig within 50 ms, but the connection did not close. Connection: open.");
        (await FailureOf(() => steps.Closing.ServerClosesWithReason((WebSocketCloseStatus)4001, "bye", within))).Should().Be(
            "Expected the server to close the connection with 4001 and reason \"bye\" within 50 ms, but the connection did not close. Connection: open.");
    }

    [Fact]
    public async Task Server_closes_within_passes_when_the_server_closes_in_time()
    {
        await using var steps = await StartAsync(socket => socket.CloseAsync((WebSocketCloseStatus)4001, "bye", CancellationToken.None));
        await steps.Connecting.ConnectToEcho(I);

        var longEnough = new Duration(Patience.MustHappen);
        await steps.Closing.ServerCloses(longEnough);
        await steps.Closing.ServerClosesWith((WebSocketCloseStatus)4001, longEnough);
        await steps.Closing.ServerClosesWithReason((WebSocketCloseStatus)4001, "bye", longEnough);
    }

    [Fact]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.ConnectingToFails))]
    public async Task Connecting_to_fails_fails_when_the_connection_opens()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => []));

        (await FailureOf(() => steps.Connecting.ConnectingToFails("/ws"))).Should().Be("Expected connecting to \"/ws\" to fail, but it opened.");
        (await FailureOf(() => steps.Connecting.ConnectingToFails("/ws", default, new Duration(Patience.MustHappen)))).Should().Be(
            "Expected connecting to \"/ws\" to fail, but it opened.");
        steps.Connections.All.Should().BeEmpty("an attempt takes no name, so the scenario's own connection stays free");
    }

    [Fact]
    public async Task Connecting_to_fails_passes_for_any_reason_and_the_report_says_why()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => []));
        var wss = new UriBuilder(steps.Url) { Scheme = "wss" }.Uri;

        await steps.Connecting.ConnectingToFails("/nowhere");
        await steps.Connecting.ConnectingToFails(wss.ToString());
        steps.Connecting.FailsOnTls();

        var lines = ReportLines.WithoutTimes(new Conversation().NewLines(steps.Connections.Reported)).ToList();
        lines.Should().HaveCount(2);
        lines[0].Should().Be($"error: Could not connect to {new Uri(steps.Url, "/nowhere")}: the server answered HTTP 404 Not Found (is the path right?)");
        lines[1].Should().StartWith($"error: Could not connect to {wss}: the TLS handshake failed (");
    }

    [Fact]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.EachMessageContaining))]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.EachMessageEqualTo))]
    public async Task Several_connections_fail_together_naming_each_one_that_missed_with_its_reason()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(text => [text]));
        foreach (var (who, text) in new[] { (Bob, "hi there"), (Carol, "ho"), (Dave, "hi") })
        {
            await steps.Connecting.ConnectToEcho(who);
            await steps.Sending.SendText(who, text);
            await steps.ReceivedAsync(who, 1);
        }

        var everyone = new ConnectionNames(["Bob", "Carol", "Dave"]);
        var carolMissed = "1 of 3 connections did not get what was expected. " +
            "Expected a message containing \"hi\" on \"Carol\" within 300 ms, but received 1 message: [1] \"ho\"; " +
            "[1] contains the first character, then differs: expected \"i\", received \"o\". Connection: open.";
        (await FailureOf(() => steps.Receiving.EachMessageContaining(everyone, "hi"))).Should().Be(carolMissed);
        (await FailureOf(() => steps.Receiving.EachMessageContaining(everyone, "hi", TimeSpan.FromMilliseconds(300)))).Should().Be(carolMissed);

        var twoMissed = "2 of 3 connections did not get what was expected. " +
            "Expected a message equal to \"hi\" on \"Bob\" within 300 ms, but received 1 message: [1] \"hi there\"; " +
            "[1] first differs at character 3: expected the end of the text, received \" \" (a space). Connection: open. " +
            "Expected a message equal to \"hi\" on \"Carol\" within 300 ms, but received 1 message: [1] \"ho\"; " +
            "[1] first differs at character 2: expected \"i\", received \"o\". Connection: open.";
        (await FailureOf(() => steps.Receiving.EachMessageEqualTo(everyone, "hi"))).Should().Be(twoMissed);
        (await FailureOf(() => steps.Receiving.EachMessageEqualTo(everyone, "hi", TimeSpan.FromMilliseconds(300)))).Should().Be(twoMissed);

        await steps.Receiving.EachMessageContaining(new ConnectionNames(["Bob", "Dave"]), "hi");
        await steps.Receiving.EachMessageEqualTo(new ConnectionNames(["Dave"]), "hi");
    }

    [Fact]
    [Fails(typeof(JsonSteps), nameof(JsonSteps.EachJsonWhere))]
    public async Task Several_connections_expecting_JSON_fail_naming_each_one_that_missed()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(text => [text]));
        foreach (var (who, text) in new[] { (Bob, "{\"type\":\"order.created\"}"), (Carol, "{\"type\":\"heartbeat\"}") })
        {
            await steps.Connecting.ConnectToEcho(who);
            await steps.Sending.SendText(who, text);
            await steps.ReceivedAsync(who, 1);
        }

        var both = new ConnectionNames(["Bob", "Carol"]);
        var carolMissed = "1 of 2 connections did not get what was expected. " +
            "Expected a message in JSON where $.type is \"order.created\" on \"Carol\" within 300 ms, but received 1 message: " +
            "[1] \"{\"type\":\"heartbeat\"}\". Connection: open.";
        (await FailureOf(() => steps.Json.EachJsonWhere(both, "$.type", "order.created"))).Should().Be(carolMissed);
        (await FailureOf(() => steps.Json.EachJsonWhere(both, "$.type", "order.created", TimeSpan.FromMilliseconds(300)))).Should().Be(carolMissed);

        await steps.Json.EachJsonWhere(new ConnectionNames(["Bob"]), "$.type", "order.created");
    }

    [Fact]
    public void A_list_of_names_reads_two_to_four_quoted_names_each_once()
    {
        var types = new ParameterTypes();

        types.Names("\"Bob\" and \"Carol\"").Names.Should().Equal("Bob", "Carol");
        types.Names("\"Bob\", \"Carol\" and \"Dave\"").Names.Should().Equal("Bob", "Carol", "Dave");
        types.Names("\"A\", \"B\", \"C\" and \"D\"").ToString().Should().Be("\"A\", \"B\", \"C\" and \"D\"");
        FluentActions.Invoking(() => types.Names("\"Bob\" and \"Bob\"")).Should().Throw<ArgumentException>()
            .WithMessage("\"Bob\" is named twice in \"Bob\" and \"Bob\"; name each connection once.");
    }
}
