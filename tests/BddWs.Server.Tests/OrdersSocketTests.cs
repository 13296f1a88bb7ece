using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using BddWs.Server.Endpoints.Orders;
using BddWs.Testing;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>
/// <c>/orders</c>: the token on the handshake, the welcome and its session header, correlated
/// replies, order events to subscribers only with their own rising seq, heartbeats.
/// "Nothing arrived" is proven without waiting: a later reply must be the next message.
/// </summary>
public sealed class OrdersSocketTests(BundledServer server) : IClassFixture<BundledServer>, IDisposable
{
    private readonly OrdersHttp _http = new(server);

    [Theory]
    [InlineData(null, "/orders")]
    [InlineData("Bearer not-a-token", "/orders")]
    [InlineData("Bearer let-me-in", "/orders")]
    [InlineData(null, "/orders?access_token=not-a-token")]
    public async Task Handshake_without_a_valid_token_is_refused_with_401(string? authorization, string path)
    {
        using var socket = TestClient.NewSocket(options =>
        {
            if (authorization is not null)
            {
                options.SetRequestHeader("Authorization", authorization);
            }
        });

        await FluentActions.Awaiting(() => socket.ConnectAsync(server.WebSocket(path), TestContext.Current.CancellationToken))
            .Should().ThrowAsync<WebSocketException>();

        ((int)socket.HttpStatusCode).Should().Be(401);
        socket.HttpResponseHeaders.Should().ContainKey("WWW-Authenticate").WhoseValue.Should().Equal("Bearer");
        socket.State.Should().Be(WebSocketState.Closed);
    }

    [Fact]
    public async Task A_token_in_the_basic_scheme_is_refused()
    {
        var token = await _http.LogInAsync();
        using var socket = TestClient.NewSocket(options => options.SetRequestHeader("Authorization", $"Basic {token}"));

        await FluentActions.Awaiting(() => socket.ConnectAsync(server.WebSocket("/orders"), TestContext.Current.CancellationToken))
            .Should().ThrowAsync<WebSocketException>();

        ((int)socket.HttpStatusCode).Should().Be(401);
    }

    [Fact]
    public async Task The_welcome_comes_first_and_names_the_user_and_the_session_of_the_handshake_header()
    {
        var token = await _http.LogInAsync("grace");
        await using var first = await OrdersSocket.ConnectAsync(server, token);
        await using var second = await TestClient.ConnectAsync(server.WebSocket($"/orders?access_token={token}"));

        var firstSession = first.Client.Socket.HttpResponseHeaders!["X-Session-Id"].Single();
        var secondSession = second.Socket.HttpResponseHeaders!["X-Session-Id"].Single();
        firstSession.Should().MatchRegex("^[A-Za-z0-9_-]{16}$");
        secondSession.Should().NotBe(firstSession, "every connection is a session of its own");
        (await first.Client.ReceiveTextAsync()).Should().Be($$"""{"type":"welcome","user":"grace","session":"{{firstSession}}"}""");
        (await second.ReceiveTextAsync()).Should().Be($$"""{"type":"welcome","user":"grace","session":"{{secondSession}}"}""");
    }

    [Fact]
    public async Task The_server_limits_apply_a_foreign_origin_is_refused_before_the_token_is_looked_at()
    {
        var token = await _http.LogInAsync();
        await using var raw = await RawClient.ConnectAsync(server);

        var response = await raw.HandshakeAsync($"/orders?access_token={token}", "Origin: https://evil.example");

        response.Status.Should().Be(403);
        response.Headers.Should().NotContainKey("Sec-WebSocket-Accept");
    }

    [Fact]
    public async Task The_server_limits_apply_a_message_over_Limits_MaxMessageBytes_is_answered_with_1009()
    {
        // Heartbeats an hour apart, so the close is the next message.
        await using var small = await BundledServer.StartAsync("--Limits:MaxMessageBytes=64", "--Orders:HeartbeatInterval=01:00:00");
        using var http = new OrdersHttp(small);
        await using var socket = await OrdersSocket.ConnectAsync(small, await http.LogInAsync());
        await socket.NextAsync();

        await socket.Client.SendTextAsync($$"""{"type":"subscribe","topic":"orders","requestId":"{{new string('r', 40)}}"}""");

        (await socket.Client.ReceiveAsync()).Should().BeEquivalentTo(
            new Received(WebSocketMessageType.Close, [], WebSocketCloseStatus.MessageTooBig, "Messages are limited to 64 bytes"));
    }

    [Fact]
    public async Task Plain_http_with_a_token_gets_400()
    {
        var token = await _http.LogInAsync();

        var answer = await _http.GetAsync("/orders", token);

        answer.Status.Should().Be(400);
    }

    [Fact]
    public async Task Every_reply_repeats_the_request_id_of_its_command()
    {
        var token = await _http.LogInAsync();
        var order = await _http.CreateOrderAsync(token, "lamp", 3);
        var id = IdOf(order);
        await using var socket = await OrdersSocket.ConnectAsync(server, token);
        await socket.NextAsync();

        await socket.Client.SendTextAsync($$"""{"type":"get-order","id":"{{id}}","requestId":"r2"}""");
        await socket.Client.SendTextAsync("""{"type":"subscribe","topic":"orders","requestId":"r1"}""");
        await socket.Client.SendTextAsync("""{"type":"get-order","id":"nope","requestId":7}""");
        await socket.Client.SendTextAsync("""{"type":"get-order","id":"nope"}""");

        (await socket.NextAsync()).Should().Be($$"""{"type":"order","requestId":"r2","order":{{order}}}""");
        (await socket.NextAsync()).Should().Be("""{"type":"subscribed","requestId":"r1","topic":"orders"}""");
        (await socket.NextAsync()).Should().Be("""{"type":"error","requestId":7,"error":"no order with id nope"}""");
        (await socket.NextAsync()).Should().Be("""{"type":"error","error":"no order with id nope"}""");
    }

    [Theory]
    [InlineData("""{"type":"unsubscribe","requestId":"r9"}""", """{"type":"error","requestId":"r9","error":"unknown command unsubscribe; the commands are subscribe and get-order"}""")]
    [InlineData("""{"type":"subscribe","topic":"invoices","requestId":"r9"}""", """{"type":"error","requestId":"r9","error":"no topic invoices; the only topic is orders"}""")]
    [InlineData("""{"type":"subscribe","requestId":"r9"}""", """{"type":"error","requestId":"r9","error":"subscribe needs a topic: orders"}""")]
    [InlineData("""{"type":"get-order","id":42,"requestId":"r9"}""", """{"type":"error","requestId":"r9","error":"get-order needs an id (a text)"}""")]
    [InlineData("""{"type":"get-order","id":"x","requestId":{"n":1}}""", """{"type":"error","error":"requestId must be a text or a number"}""")]
    [InlineData("""{"topic":"orders","requestId":"r9"}""", """{"type":"error","requestId":"r9","error":"a command is a JSON object with a type: subscribe or get-order"}""")]
    [InlineData("""{"type":7}""", """{"type":"error","error":"a command is a JSON object with a type: subscribe or get-order"}""")]
    [InlineData("""["subscribe"]""", """{"type":"error","error":"a command is a JSON object with a type: subscribe or get-order"}""")]
    [InlineData("""{"type":"subscribe",}""", """{"type":"error","error":"invalid JSON (line 1, character 21)"}""")]
    [InlineData("hello", """{"type":"error","error":"invalid JSON (line 1, character 1)"}""")]
    public async Task A_bad_command_gets_an_error_and_the_connection_stays_open(string command, string reply)
    {
        var token = await _http.LogInAsync();
        await using var socket = await OrdersSocket.ConnectAsync(server, token);
        await socket.NextAsync();

        await socket.Client.SendTextAsync(command);
        (await socket.NextAsync()).Should().Be(reply);
        await socket.Client.SendTextAsync("""{"type":"subscribe","topic":"orders","requestId":"still here"}""");

        (await socket.NextAsync()).Should().Be("""{"type":"subscribed","requestId":"still here","topic":"orders"}""");
    }

    [Fact]
    public async Task A_binary_message_gets_an_error()
    {
        var token = await _http.LogInAsync();
        await using var socket = await OrdersSocket.ConnectAsync(server, token);
        await socket.NextAsync();

        await socket.Client.SendAsync("""{"type":"subscribe","topic":"orders"}"""u8.ToArray(), WebSocketMessageType.Binary);

        (await socket.NextAsync()).Should().Be("""{"type":"error","error":"binary messages are not supported on /orders; send JSON text"}""");
    }

    [Fact]
    public async Task Every_subscriber_receives_each_created_order_with_its_own_rising_seq()
    {
        var token = await _http.LogInAsync();
        await using var early = await OrdersSocket.SubscribeAsync(server, token);
        await using var other = await OrdersSocket.SubscribeAsync(server, await _http.LogInAsync("bob"));

        var first = await _http.CreateOrderAsync(token, "book", 2);
        await using var late = await OrdersSocket.SubscribeAsync(server, token);
        var second = await _http.CreateOrderAsync(token, "pen", 1);
        var third = await _http.CreateOrderAsync(token, "ink", 5);

        foreach (var subscriber in new[] { early, other })
        {
            (await subscriber.NextAsync()).Should().Be($$"""{"type":"order.created","seq":1,"order":{{first}}}""");
            (await subscriber.NextAsync()).Should().Be($$"""{"type":"order.created","seq":2,"order":{{second}}}""");
            (await subscriber.NextAsync()).Should().Be($$"""{"type":"order.created","seq":3,"order":{{third}}}""");
        }

        (await late.NextAsync()).Should().Be($$"""{"type":"order.created","seq":1,"order":{{second}}}""", "seq counts the events of each connection");
        (await late.NextAsync()).Should().Be($$"""{"type":"order.created","seq":2,"order":{{third}}}""");
    }

    [Fact]
    public async Task A_cancelled_order_is_announced_with_its_id_in_the_same_seq()
    {
        var token = await _http.LogInAsync();
        await using var subscriber = await OrdersSocket.SubscribeAsync(server, token);
        var order = await _http.CreateOrderAsync(token);
        var id = IdOf(order);

        (await _http.DeleteAsync($"/api/orders/{id}", token)).Status.Should().Be(204);

        (await subscriber.NextAsync()).Should().Be($$"""{"type":"order.created","seq":1,"order":{{order}}}""");
        (await subscriber.NextAsync()).Should().Be($$"""{"type":"order.cancelled","seq":2,"id":"{{id}}"}""");
    }

    [Fact]
    public async Task A_connection_that_has_not_subscribed_receives_no_events()
    {
        var token = await _http.LogInAsync();
        await using var bystander = await OrdersSocket.ConnectAsync(server, token);
        await bystander.NextAsync();
        await using var subscriber = await OrdersSocket.SubscribeAsync(server, token);

        var order = await _http.CreateOrderAsync(token);
        (await subscriber.NextAsync()).Should().Contain("order.created", "the event has been sent by now");
        await bystander.Client.SendTextAsync("""{"type":"get-order","id":"marker","requestId":"m"}""");

        (await bystander.NextAsync()).Should().Be("""{"type":"error","requestId":"m","error":"no order with id marker"}""", $"{order} was not for it");
    }

    [Fact]
    public async Task Heartbeats_come_every_configured_interval_with_the_time()
    {
        var clockTick = TimeSpan.FromMilliseconds(15);
        var interval = TimeSpan.FromMilliseconds(100);
        await using var quick = await BundledServer.StartAsync($"--Orders:HeartbeatInterval={interval}");
        using var http = new OrdersHttp(quick);
        var token = await http.LogInAsync();
        var sinceConnecting = Stopwatch.StartNew();
        await using var socket = await OrdersSocket.ConnectAsync(quick, token);
        (await socket.Client.ReceiveTextAsync()).Should().StartWith("""{"type":"welcome",""");

        var times = new List<DateTime>();
        for (var beat = 1; beat <= 5; beat++)
        {
            var text = await socket.Client.ReceiveTextAsync();
            text.Should().MatchRegex("""^\{"type":"heartbeat","at":"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"\}$""");
            // A timer may fire up to a clock tick (about 15 ms) early; a server ignoring the interval sends them at once.
            sinceConnecting.Elapsed.Should().BeGreaterThanOrEqualTo(interval * beat - clockTick, "heartbeat {0} is due one interval after the one before", beat);
            using var json = JsonDocument.Parse(text);
            times.Add(json.RootElement.GetProperty("at").GetDateTime());
        }

        times.Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task A_connection_that_does_not_read_is_dropped_and_holds_up_nobody()
    {
        // Heartbeats an hour apart, so the sleeper can receive nothing but replies to what it sent.
        await using var small = await BundledServer.StartAsync("--Orders:QueueLimit=4", "--Orders:HeartbeatInterval=01:00:00");
        var feed = small.Services.GetRequiredService<OrderFeed>();
        using var http = new OrdersHttp(small);
        var token = await http.LogInAsync();
        await using var reader = await OrdersSocket.SubscribeAsync(small, token);
        await using var sleeper = await OrdersSocket.SubscribeAsync(small, token);

        // Each reply repeats a 64 KiB request id: 400 of them are far more than the socket buffers
        // and the 4 queued messages can hold for a client that does not read.
        var bigRequest = $$"""{"type":"get-order","id":"none","requestId":"{{new string('r', 64 * 1024)}}"}""";
        var sent = 0;
        try
        {
            for (; sent < 400; sent++)
            {
                await sleeper.Client.SendTextAsync(bigRequest);
            }
        }
        catch (WebSocketException)
        {
            // Dropped while still asking: what this test expects.
        }

        (await Eventually.HoldsAsync(() => feed.Count == 1)).Should().BeTrue($"the sleeper is dropped, yet {feed.Count} connections remain");
        var order = await http.CreateOrderAsync(token);
        (await reader.NextAsync()).Should().Be($$"""{"type":"order.created","seq":1,"order":{{order}}}""");
        var sleeperReceived = 0;
        var sleeperEnd = await FluentActions.Awaiting(async () =>
        {
            while (true)
            {
                await sleeper.Client.ReceiveAsync();
                sleeperReceived++;
            }
        }).Should().ThrowAsync<WebSocketException>();
        sleeperEnd.Which.WebSocketErrorCode.Should().Be(WebSocketError.ConnectionClosedPrematurely);
        sleeperReceived.Should().BeLessThan(sent);
    }

    public void Dispose() => _http.Dispose();

    private static string IdOf(string order)
    {
        using var json = JsonDocument.Parse(order);
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
