using System.Net;
using System.Net.Sockets;
using BddWs.Driver;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

using BddWs.Driver.Tests.Helpers;

namespace BddWs.Driver.Tests;

/// <summary>A connection that cannot be made fails at once, in one line that says why.</summary>
public sealed class ConnectionFailureTests
{
    [Fact]
    public async Task Refused_connection_names_host_and_port()
    {
        var port = FreePort();
        await using var session = new WebSocketSession("", new Uri($"ws://127.0.0.1:{port}/ws"), new ConnectionOptions { ConnectTimeout = Patience.MustHappen });

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().Be(
            $"Could not connect to ws://127.0.0.1:{port}/ws: connection refused (is a server listening on 127.0.0.1:{port}?)");
        session.Log.Snapshot().Should().ContainSingle().Which.Should().BeOfType<ErrorEvent>();
    }

    [Fact]
    public async Task A_server_that_never_answers_the_handshake_times_out_at_the_deadline()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = new Uri($"ws://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/ws");
        await using var session = new WebSocketSession("", url, new ConnectionOptions { ConnectTimeout = TimeSpan.FromMilliseconds(200) });

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().Be($"Could not connect to {url}: no answer to the handshake within 200 ms");
        failure.Which.Attempt.Outcome.Should().Be(ConnectionOutcome.TimedOut);
    }

    [Fact]
    public async Task A_server_that_answers_the_handshake_with_garbage_fails_in_one_line()
    {
        using var garbage = new TcpListener(IPAddress.Loopback, 0);
        garbage.Start();
        var url = new Uri($"ws://127.0.0.1:{((IPEndPoint)garbage.LocalEndpoint).Port}/ws");
        var answer = Task.Run(async () =>
        {
            using var client = await garbage.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
            var stream = client.GetStream();
            _ = await stream.ReadAsync(new byte[4096], TestContext.Current.CancellationToken); // any part of the request will do
            await stream.WriteAsync("\u0001\u0002 not HTTP at all\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken);
        await using var session = new WebSocketSession("", url, new ConnectionOptions { ConnectTimeout = Patience.MustHappen });

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        await answer;
        failure.Which.Message.Should().StartWith($"Could not connect to {url}: ").And.NotContain("\n");
        failure.Which.Attempt.Outcome.Should().NotBe(ConnectionOutcome.Connected);
    }

    [Fact]
    public async Task Unknown_host_is_named()
    {
        var url = new Uri("ws://no-such-host.invalid/ws");
        await using var session = new WebSocketSession("", url, new ConnectionOptions { ConnectTimeout = Patience.MustHappen });

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().Be("Could not connect to ws://no-such-host.invalid/ws: unknown host \"no-such-host.invalid\"");
    }

    [Fact]
    public async Task An_http_endpoint_that_does_not_upgrade_says_so()
    {
        await using var server = await ScriptedServer.RepliesAsync(_ => []);
        var plain = new Uri(server.Url, "/plain");
        await using var session = new WebSocketSession("", plain, new ConnectionOptions { ConnectTimeout = Patience.MustHappen });

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().Be($"Could not connect to {plain}: the server answered HTTP 200 OK (the endpoint did not upgrade to WebSocket)");
    }

    [Fact]
    public async Task Secrets_in_the_url_never_reach_the_message()
    {
        await using var server = await ScriptedServer.RepliesAsync(_ => []);
        var url = new Uri(server.Url, "/nowhere?room=a&access_token=s3cret");
        await using var session = new WebSocketSession("", url, new ConnectionOptions { ConnectTimeout = Patience.MustHappen });

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().Contain("/nowhere?room=a&access_token=***").And.NotContain("s3cret");
        session.DisplayUrl.Should().NotContain("s3cret");
    }

    [Fact]
    public async Task Wrong_path_reports_the_http_status()
    {
        await using var server = await ScriptedServer.RepliesAsync(_ => []);
        var wrongPath = new Uri(server.Url, "/nowhere");
        await using var session = new WebSocketSession("", wrongPath, new ConnectionOptions { ConnectTimeout = Patience.MustHappen });

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().Be($"Could not connect to {wrongPath}: the server answered HTTP 404 Not Found (is the path right?)");
        session.Handshake!.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sending_on_a_closed_connection_throws_instead_of_dropping_the_message()
    {
        await using var server = await ScriptedServer.RepliesAsync(_ => []);
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { ConnectTimeout = Patience.MustHappen });
        await session.ConnectAsync();
        await session.CloseAsync();

        var failure = await FluentActions.Awaiting(() => session.SendAsync(WebSocketMessage.FromText("late"))).Should()
            .ThrowAsync<InvalidOperationException>();

        failure.Which.Message.Should().Be($"Cannot send \"late\": the connection to {server.Url} is closed.");
    }

    [Fact]
    public async Task Events_are_recorded_in_order_from_open_to_close()
    {
        await using var server = await ScriptedServer.RepliesAsync(text => [$"echo {text}"]);
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { ConnectTimeout = Patience.MustHappen });
        await session.ConnectAsync();
        await session.SendAsync(WebSocketMessage.FromText("a"));
        await session.WaitForAsync(Expect.AnyMessage(MessageCheck.Containing("echo a")), Patience.MustHappen);
        await session.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done");
        await session.Log.WaitUntilAsync(events => events.CloseEvent() is not null, Patience.MustHappen, TestContext.Current.CancellationToken);

        session.Log.Snapshot().Select(e => e.GetType().Name).Should().Equal("Opened", "MessageEvent", "MessageEvent", "Closed");
        session.Log.Snapshot().CloseEvent().Should().BeEquivalentTo(new { By = ClosedBy.Client, Status = System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, Reason = "done" });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
