using System.Net.WebSockets;
using BddWs.Driver;
using BddWs.ReqnrollPlugin.Reporting;
using BddWs.StepDefinitions;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>"When I reconnect": the same request again, a fresh record, and a report that keeps both.</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task Reconnecting_closes_normally_then_asks_for_the_same_url_headers_query_and_subprotocols()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(text => [$"echo {text}"]), subProtocol: "bddws.json");
        steps.Connecting.RequestHeader("X-Team", "blue");
        steps.Connecting.QueryParameter("room", "a");
        steps.Connecting.SubProtocol("bddws.json");
        await steps.Connecting.ConnectToEcho(I);
        var first = steps.Connections.Default;

        await steps.Connecting.Reconnect(I);

        var second = steps.Connections.Default;
        second.Should().NotBeSameAs(first);
        second.Url.Should().Be(first.Url);
        second.Url.Query.Should().Be("?room=a");
        second.DisplayHeaders.Should().Equal(first.DisplayHeaders);
        second.Handshake!.SubProtocol.Should().Be("bddws.json");
        second.IsOpen.Should().BeTrue();
        var close = first.Log.Snapshot().CloseEvent()!;
        (close.By, close.Status).Should().Be((ClosedBy.Client, WebSocketCloseStatus.NormalClosure));
        steps.Connections.Reported.Should().Equal(first, second);
    }

    [Fact]
    public async Task After_a_reconnect_counts_and_next_start_over_and_a_failure_says_so()
    {
        await using var steps = await ConnectedAsync(text => [$"echo {text}"]);
        await steps.Sending.SendText(I, "before");
        await steps.ReceivedAsync(I, 1);
        await steps.Receiving.NextIs("echo before");

        await steps.Connecting.Reconnect(I);
        await steps.Sending.SendText(I, "after");
        await steps.ReceivedAsync(I, 1);

        await steps.Receiving.NextIs("echo after");
        await steps.Receiving.ExactCount(I, 1);
        (await FailureOf(() => steps.Receiving.ExactCount(I, 2))).Should().Be(
            "Expected exactly 2 messages within 300 ms, but received 1 message: [1] \"echo after\". Connection: open. Counted from the reconnect on.");
    }

    [Fact]
    public async Task A_reconnected_connection_ignores_what_it_ignored_before()
    {
        await using var steps = await ConnectedAsync(text => ["ping", $"echo {text}"]);
        steps.Noise.IgnoreMatching(I, "^ping$");

        await steps.Connecting.Reconnect(I);
        await steps.Sending.SendText(I, "after");
        await steps.ReceivedAsync(I, 1);

        await steps.Receiving.ExactCount(I, 1);
        await steps.Receiving.NextIs("echo after");
    }

    [Fact]
    public async Task A_connection_the_server_closed_is_opened_again_without_a_close_of_its_own()
    {
        await using var steps = await StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await socket.CloseAsync((WebSocketCloseStatus)4001, "bye", CancellationToken.None);
        });
        var bob = new ConnectionName("Bob");
        await steps.Connecting.ConnectToEcho(bob);
        await steps.Sending.SendText(bob, "close");
        await steps.ClosedAsync(bob);

        await steps.Connecting.Reconnect(bob);

        steps.Connections[bob].IsOpen.Should().BeTrue();
        steps.Connections.Reported[0].Log.Snapshot().CloseEvent()!.By.Should().Be(ClosedBy.Server);
    }

    [Fact]
    public async Task The_report_keeps_the_earlier_traffic_and_marks_the_reconnect()
    {
        await using var steps = await ConnectedAsync(text => [$"echo {text}"]);
        var conversation = new Conversation();
        await steps.Sending.SendText(I, "before");
        await steps.ReceivedAsync(I, 1);
        conversation.NewLines(steps.Connections.Reported).Should().HaveCount(3);

        await steps.Connecting.Reconnect(I);

        var lines = ReportLines.WithoutTimes(conversation.NewLines(steps.Connections.Reported)).ToList();
        lines.Should().HaveCount(2);
        lines[0].Should().Be("close 1000 NormalClosure (by client)");
        lines[1].Should().Be($"reconnect {steps.Url}");
    }

    [Fact]
    public async Task Reconnecting_a_connection_never_opened_says_so()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => []));

        (await FailureOf(() => steps.Connecting.Reconnect(new ConnectionName("Zed")))).Should().Be(
            "The connection \"Zed\" has not been opened in this scenario; open it with a \"connected\" step first.");
    }
}
