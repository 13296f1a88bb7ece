using BddWs.Testing;
using System.Diagnostics;
using System.Net.WebSockets;
using FluentAssertions;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>When the server stops, every open connection gets close 1001 first; a client that never answers cannot hold the stop up.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Every_open_connection_gets_1001_before_the_server_stops()
    {
        // A long close timeout: a quick stop shows the server waited for the answers, not for the timeout.
        var server = await BundledServer.StartAsync("--Limits:CloseTimeout=00:01:00");
        var clients = new List<TestClient>();
        foreach (var path in new[] { "/ws", "/secure?access_token=let-me-in", "/chat", "/json" })
        {
            clients.Add(await TestClient.ConnectAsync(server.WebSocket(path)));
        }

        var stopping = server.DisposeAsync().AsTask();
        foreach (var client in clients)
        {
            (await client.ReceiveAsync()).Should().BeEquivalentTo(
                new Received(WebSocketMessageType.Close, [], WebSocketCloseStatus.EndpointUnavailable, "Server shutting down"));
            await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", TestContext.Current.CancellationToken);
        }

        // Half the close timeout: slack for a busy machine, yet a server waiting out the timeout would miss it.
        await stopping.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        server.Logs.Problems.Should().BeEmpty();
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_client_that_never_answers_gets_1001_and_cannot_hold_up_the_stop()
    {
        var server = await BundledServer.StartAsync("--Limits:CloseTimeout=00:00:01");
        await using var silent = await RawClient.OpenAsync(server);
        var closeFrame = silent.ReadAnyFrameAsync(Patience.MustHappen);
        var clock = Stopwatch.StartNew();

        // Far below the host's own shutdown timeout (30 s), which is what a stuck connection would cost.
        await server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        var frame = await closeFrame;
        frame.CloseCode.Should().Be(1001);
        frame.Text.Should().Be("Server shutting down");
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), "the client is given Limits:CloseTimeout to answer");
        (await silent.EndsWithinAsync(Patience.MustHappen)).Should().BeTrue();
        server.Logs.Problems.Should().BeEmpty();
    }
}
