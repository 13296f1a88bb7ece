using System.Net.WebSockets;
using System.Text;
using BddWs.Hosting.Redis;
using BddWs.Server.ScaleOut;
using BddWs.Server.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace BddWs.Server.Tests;

/// <summary>
/// Two instances of the server scaled out on one Redis (Garnet, embedded): what is sent through one
/// reaches the clients of the other, and when Redis goes away <c>/health</c> says so and every
/// sender is told what did not reach the other instances.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private EmbeddedRedis _redis = null!;
    private BundledServer _a = null!;
    private BundledServer _b = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = EmbeddedRedis.Start();
        _a = await BundledServer.StartAsync($"--ScaleOut:Redis={_redis.Address}");
        _b = await BundledServer.StartAsync($"--ScaleOut:Redis={_redis.Address}");
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _redis.Dispose();
    }

    [Fact]
    public async Task A_hub_broadcast_reaches_a_client_of_the_other_instance()
    {
        await using var ada = await HubClients.ConnectAsync(_a, "/hubs/chat");
        await using var bob = await HubClients.ConnectAsync(_b, "/hubs/chat");
        var bobs = new HubInbox(bob);

        await ada.InvokeAsync("SendMessage", "ada", "hello from a", TestContext.Current.CancellationToken);

        (await bobs.NextAsync()).Should().Be("ReceiveMessage ada: hello from a");
    }

    [Fact]
    public async Task A_hub_group_message_reaches_a_member_on_the_other_instance_and_nobody_else()
    {
        await using var ada = await HubClients.ConnectAsync(_a, "/hubs/chat");
        await using var bob = await HubClients.ConnectAsync(_b, "/hubs/chat");
        await using var eve = await HubClients.ConnectAsync(_b, "/hubs/chat");
        var bobs = new HubInbox(bob);
        var eves = new HubInbox(eve);
        await bob.InvokeAsync("JoinGroup", "red", "bob", TestContext.Current.CancellationToken);
        (await bobs.NextAsync()).Should().Be("UserJoined bob red");

        await ada.InvokeAsync("SendToGroup", "red", "ada", "red only", TestContext.Current.CancellationToken);
        await ada.InvokeAsync("SendMessage", "ada", "everyone", TestContext.Current.CancellationToken);

        (await bobs.NextAsync()).Should().Be("ReceiveMessage ada: red only");
        (await eves.NextAsync()).Should().Be("ReceiveMessage ada: everyone", "eve is not in red");
    }

    [Fact]
    public async Task A_chat_message_reaches_the_members_of_the_room_on_the_other_instance_as_it_was_sent()
    {
        await using var ada = await TestClient.ConnectAsync(_a.WebSocket("/chat?room=red"));
        await using var carol = await TestClient.ConnectAsync(_a.WebSocket("/chat?room=red"));
        await using var bob = await TestClient.ConnectAsync(_b.WebSocket("/chat?room=red"));
        await using var eve = await TestClient.ConnectAsync(_b.WebSocket("/chat?room=blue"));

        await ada.SendTextAsync("hello red");
        await ada.SendAsync([1, 2, 3], WebSocketMessageType.Binary);
        await eve.SendTextAsync("hello blue");

        (await bob.ReceiveTextAsync()).Should().Be("hello red");
        var binary = await bob.ReceiveAsync();
        binary.Type.Should().Be(WebSocketMessageType.Binary);
        binary.Payload.Should().Equal(1, 2, 3);
        (await carol.ReceiveTextAsync()).Should().Be("hello red", "members on the sender's own instance get it as before");
        await bob.SendTextAsync("back to red");
        (await ada.ReceiveTextAsync()).Should().Be("back to red", "blue's message must not reach red, and the sender gets nothing back");
    }

    [Fact]
    public async Task An_order_created_on_one_instance_is_announced_to_subscribers_and_hub_clients_of_the_other()
    {
        using var httpA = new OrdersHttp(_a);
        using var httpB = new OrdersHttp(_b);
        var tokenB = await httpB.LogInAsync("bob");
        await using var subscriber = await OrdersSocket.SubscribeAsync(_b, tokenB);
        await using var hubClient = await HubClients.ConnectAsync(_b, "/hubs/orders", tokenB);
        var hubEvents = System.Threading.Channels.Channel.CreateUnbounded<string>();
        hubClient.On<System.Text.Json.JsonElement>("OrderCreated", order => hubEvents.Writer.TryWrite(order.GetProperty("id").GetString()!));

        var order = await httpA.CreateOrderAsync(await httpA.LogInAsync("ada"), "lamp", 3);
        using var created = System.Text.Json.JsonDocument.Parse(order);
        var id = created.RootElement.GetProperty("id").GetString();

        (await subscriber.NextAsync()).Should().Be($$"""{"type":"order.created","seq":1,"order":{{order}}}""");
        (await hubEvents.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience.MustHappen, TestContext.Current.CancellationToken))
            .Should().Be(id);
        (await httpB.GetAsync($"/api/orders/{id}", tokenB)).Body.Should().Be(order, "the other instance keeps what it heard of");

        (await httpB.DeleteAsync($"/api/orders/{id}", tokenB)).Status.Should().Be(204);
        (await subscriber.NextAsync()).Should().Be($$"""{"type":"order.cancelled","seq":2,"id":"{{id}}"}""");
    }

    [Fact]
    public async Task Both_instances_report_Redis_connected_on_health()
    {
        (await _a.HealthAsync()).Should().Be("""{"status":"ok","connections":0,"redis":"connected"}""");
        (await _b.HealthAsync()).Should().Be("""{"status":"ok","connections":0,"redis":"connected"}""");
    }

    [Fact]
    public async Task When_Redis_goes_away_health_says_degraded_and_every_sender_is_told_what_did_not_reach_the_other_instances()
    {
        await using var ada = await TestClient.ConnectAsync(_a.WebSocket("/chat?room=red"));
        await using var carol = await TestClient.ConnectAsync(_a.WebSocket("/chat?room=red"));
        await using var hub = await HubClients.ConnectAsync(_a, "/hubs/chat");
        using var http = new OrdersHttp(_a);
        var token = await http.LogInAsync();

        _redis.Stop();

        (await Eventually.HoldsAsync(async () => (await _a.HealthAsync()).Contains("\"unreachable\"", StringComparison.Ordinal), Patience.MustHappen))
            .Should().BeTrue("health should say Redis is unreachable once it has gone");
        (await _a.HealthAsync()).Should().MatchRegex("""^\{"status":"degraded","connections":\d+,"redis":"unreachable"\}$""");

        await ada.SendTextAsync("anyone?");
        (await carol.ReceiveTextAsync()).Should().Be("anyone?", "members on the same instance still get it");
        (await ada.ReceiveTextAsync()).Should().Be(NotDelivered.ChatMessage);

        var hubCall = () => hub.InvokeAsync("SendMessage", "ada", "anyone?", TestContext.Current.CancellationToken);
        (await hubCall.Should().ThrowAsync<HubException>()).Which.Message.Should().EndWith($"HubException: {NotDelivered.HubMessage}");

        var refused = await http.PostAsync("/api/orders", """{"item":"book","quantity":1}""", token);
        refused.Status.Should().Be(503);
        refused.Body.Should().Be($$"""{"error":"{{NotDelivered.OrderCreated}}"}""");

        _a.Logs.Problems.Should().Contain(line => line.Contains("was not delivered", StringComparison.Ordinal));
    }
}
