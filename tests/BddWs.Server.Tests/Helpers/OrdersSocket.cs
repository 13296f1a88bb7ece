using System.Text.Json;
using BddWs.Testing;

namespace BddWs.Server.Tests.Helpers;

/// <summary>An <c>/orders</c> connection whose reads pass over heartbeats, which arrive whenever their time comes.</summary>
public sealed class OrdersSocket : IAsyncDisposable
{
    private OrdersSocket(TestClient client) => Client = client;

    public TestClient Client { get; }

    /// <summary>Connects with the token as a bearer header.</summary>
    public static async Task<OrdersSocket> ConnectAsync(BundledServer server, string token) =>
        new(await TestClient.ConnectAsync(server.WebSocket("/orders"), options => options.SetRequestHeader("Authorization", $"Bearer {token}")));

    /// <summary>Connects, reads the welcome and subscribes to <c>orders</c>, reading the confirmation.</summary>
    public static async Task<OrdersSocket> SubscribeAsync(BundledServer server, string token)
    {
        var socket = await ConnectAsync(server, token);
        await socket.NextAsync();
        await socket.Client.SendTextAsync("""{"type":"subscribe","topic":"orders"}""");
        var confirmation = await socket.NextAsync();
        return confirmation == """{"type":"subscribed","topic":"orders"}"""
            ? socket
            : throw new InvalidOperationException($"Subscribing answered {confirmation}");
    }

    /// <summary>The next message that is not a heartbeat.</summary>
    public async Task<string> NextAsync()
    {
        while (true)
        {
            var text = await Client.ReceiveTextAsync();
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.GetProperty("type").GetString() != "heartbeat")
            {
                return text;
            }
        }
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
