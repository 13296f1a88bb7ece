using BddWs.Testing;
using System.Net.WebSockets;
using FluentAssertions;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary><c>/ws</c> keeps the echo contract.</summary>
public sealed class EchoEndpointTests(BundledServer server) : IClassFixture<BundledServer>
{
    [Fact]
    public async Task Text_is_answered_with_the_prefix()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/ws"));

        await client.SendTextAsync("Hello");

        (await client.ReceiveTextAsync()).Should().Be("Message text was: Hello");
    }

    [Fact]
    public async Task Binary_comes_back_as_binary()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/ws"));

        await client.SendAsync([0, 1, 254, 255], WebSocketMessageType.Binary);

        (await client.ReceiveAsync()).Should().BeEquivalentTo(new Received(WebSocketMessageType.Binary, [0, 1, 254, 255]));
    }

    [Fact]
    public async Task Close_command_closes_with_normal_closure()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/ws"));

        await client.SendTextAsync("close");

        (await client.ReceiveAsync()).Should().BeEquivalentTo(
            new Received(WebSocketMessageType.Close, [], WebSocketCloseStatus.NormalClosure, "Closing on request"));
    }

    [Fact]
    public async Task Plain_http_is_refused_with_400()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Http, "/ws"), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).Should().Be(400);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be("This endpoint speaks WebSocket only.");
    }
}
