using System.Net.WebSockets;
using BddWs.Server.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace BddWs.Server.Tests;

/// <summary>The server's limits guard hub connections as every other WebSocket: origin, connection count, message size, no other transport.</summary>
public sealed class HubLimitsTests(BundledServer server) : IClassFixture<BundledServer>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/hubs/chat")]
    [InlineData("/hubs/orders")]
    public async Task A_foreign_origin_is_refused_with_403_before_any_token_is_looked_at(string path)
    {
        await using var raw = await RawClient.ConnectAsync(server);

        var response = await raw.HandshakeAsync(path, "Origin: https://evil.example");

        response.Status.Should().Be(403);
    }

    [Fact]
    public async Task Negotiate_offers_the_WebSockets_transport_only()
    {
        using var http = new HttpClient();

        using var answer = await http.PostAsync(new Uri(server.Http, "/hubs/chat/negotiate?negotiateVersion=1"), null, Cancellation);

        answer.EnsureSuccessStatusCode();
        (await answer.Content.ReadAsStringAsync(Cancellation)).Should().Contain("""
            "availableTransports":[{"transport":"WebSockets","transferFormats":["Text","Binary"]}]
            """.Trim());
    }

    [Fact]
    public async Task Hub_connections_count_against_Limits_MaxConnections()
    {
        await using var small = await BundledServer.StartAsync("--Limits:MaxConnections=1");
        await using var first = await HubClients.ConnectAsync(small, "/hubs/chat");
        (await small.OpenConnectionsAsync()).Should().Be(1, "/health counts hub connections");
        using var second = TestClient.NewSocket();

        await FluentActions.Awaiting(() => second.ConnectAsync(small.WebSocket("/hubs/chat"), Cancellation))
            .Should().ThrowAsync<WebSocketException>();

        ((int)second.HttpStatusCode).Should().Be(503);
    }

    [Fact]
    public async Task Hub_connections_get_the_WebSocket_pings_of_Limits_KeepAliveInterval()
    {
        await using var pinging = await BundledServer.StartAsync("--Limits:KeepAliveInterval=00:00:00.25");
        await using var raw = await RawClient.OpenAsync(pinging, "/hubs/chat");

        (await raw.ReadAnyFrameAsync()).Opcode.Should().Be(ClientFrames.Ping);
    }

    [Fact]
    public async Task A_hub_message_over_Limits_MaxMessageBytes_ends_the_connection_with_a_close_record()
    {
        await using var small = await BundledServer.StartAsync("--Limits:MaxMessageBytes=256");
        await using var client = await TestClient.ConnectAsync(small.WebSocket("/hubs/chat"));
        var hub = new HubRecords(client);
        await hub.HandshakeAsync();
        await hub.SendAsync($$"""{"type":1,"invocationId":"1","target":"SendMessage","arguments":["ada","{{new string('x', 100)}}"]}""");
        (await hub.NextAsync()).Should().Contain("ReceiveMessage", "a message within the limit is served");
        (await hub.NextAsync()).Should().Be("""{"type":3,"invocationId":"1","result":null}""");

        await hub.SendAsync($$"""{"type":1,"invocationId":"2","target":"SendMessage","arguments":["ada","{{new string('x', 300)}}"]}""");

        // SignalR's own answer: its close record (the reason stays on the server, detailed errors being off), then a normal close.
        (await hub.NextAsync()).Should().Be("""{"type":7,"error":"Connection closed with an error.","allowReconnect":true}""");
        (await client.ReceiveAsync()).Should().BeEquivalentTo(new Received(WebSocketMessageType.Close, [], WebSocketCloseStatus.NormalClosure, ""));
    }
}
