using BddWs.Testing;
using System.Net.WebSockets;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>The <c>Limits</c> settings: message size, connection count and origins, each refused as documented.</summary>
public sealed class LimitsTests(BundledServer server) : IClassFixture<BundledServer>
{
    [Fact]
    public async Task Limits_MaxMessageBytes_sets_the_largest_message()
    {
        await using var small = await BundledServer.StartAsync("--Limits:MaxMessageBytes=16");
        await using var client = await TestClient.ConnectAsync(small.WebSocket("/ws"));

        await client.SendTextAsync("sixteen bytes ok");
        (await client.ReceiveTextAsync()).Should().Be("Message text was: sixteen bytes ok");
        await client.SendTextAsync("seventeen bytes!!");

        (await client.ReceiveAsync()).Should().BeEquivalentTo(
            new Received(WebSocketMessageType.Close, [], WebSocketCloseStatus.MessageTooBig, "Messages are limited to 16 bytes"));
    }

    [Fact]
    public async Task Beyond_Limits_MaxConnections_the_handshake_gets_503_until_one_leaves()
    {
        await using var full = await BundledServer.StartAsync("--Limits:MaxConnections=2");
        var first = await TestClient.ConnectAsync(full.WebSocket("/ws"));
        await using var second = await TestClient.ConnectAsync(full.WebSocket("/chat"));
        using var refused = TestClient.NewSocket();

        await FluentActions.Awaiting(() => refused.ConnectAsync(full.WebSocket("/json"), TestContext.Current.CancellationToken))
            .Should().ThrowAsync<WebSocketException>();

        ((int)refused.HttpStatusCode).Should().Be(503);
        refused.HttpResponseHeaders.Should().ContainKey("X-Server");
        (await full.OpenConnectionsAsync()).Should().Be(2);
        await first.DisposeAsync();
        (await Eventually.HoldsAsync(async () => await full.OpenConnectionsAsync() == 1)).Should().BeTrue();
        await using var third = await TestClient.ConnectAsync(full.WebSocket("/json"));
        ((int)third.Socket.HttpStatusCode).Should().Be(101);
        full.Logs.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null, 101)]
    [InlineData("", 101)]
    [InlineData("http://127.0.0.1:{port}", 101)]
    [InlineData("https://127.0.0.1:{port}", 101)]
    [InlineData("https://evil.example", 403)]
    [InlineData("http://127.0.0.1", 403)]
    [InlineData("http://localhost:{port}", 403)]
    [InlineData("null", 403)]
    [InlineData("http://127.0.0.1:{port}/path", 403)]
    public async Task Without_Limits_AllowedOrigins_only_the_servers_own_host_and_port_may_connect(string? origin, int status)
    {
        var handshake = await HandshakeWithOriginAsync(server, origin?.Replace("{port}", server.Http.Port.ToString(), StringComparison.Ordinal));

        handshake.Should().Be(status);
        await Aftermath.ServerIsUnharmedAsync(server);
    }

    [Theory]
    [InlineData(null, 101)]
    [InlineData("https://app.example.com", 101)]
    [InlineData("https://APP.example.com:443", 101)]
    [InlineData("http://localhost:3000", 101)]
    [InlineData("http://app.example.com", 403)]
    [InlineData("https://app.example.com:8443", 403)]
    [InlineData("http://127.0.0.1:{port}", 403)]
    public async Task With_Limits_AllowedOrigins_only_the_listed_origins_may_connect(string? origin, int status)
    {
        await using var listing = await BundledServer.StartAsync(
            "--Limits:AllowedOrigins:0=https://app.example.com", "--Limits:AllowedOrigins:1=http://localhost:3000");

        var handshake = await HandshakeWithOriginAsync(listing, origin?.Replace("{port}", listing.Http.Port.ToString(), StringComparison.Ordinal));

        handshake.Should().Be(status);
    }

    [Fact]
    public async Task A_foreign_origin_is_refused_before_any_upgrade_on_every_endpoint()
    {
        foreach (var path in new[] { "/ws", "/secure?access_token=let-me-in", "/chat", "/json" })
        {
            await using var raw = await RawClient.ConnectAsync(server);

            var response = await raw.HandshakeAsync(path, "Origin: https://evil.example");

            response.Status.Should().Be(403, path);
            response.Headers.Should().NotContainKey("Sec-WebSocket-Accept");
        }
    }

    [Theory]
    [InlineData("--Limits:MaxMessageBytes=0", "Limits:MaxMessageBytes must be at least 1.")]
    [InlineData("--Limits:MaxConnections=0", "Limits:MaxConnections must be at least 1.")]
    [InlineData("--Limits:KeepAliveTimeout=00:00:00", "Limits:KeepAliveTimeout must be longer than 0.")]
    [InlineData("--Limits:CloseTimeout=-00:00:01", "Limits:CloseTimeout must be longer than 0.")]
    [InlineData("--Limits:AllowedOrigins:0=app.example.com", "Limits:AllowedOrigins must list origins such as https://app.example.com (scheme, host and optional port, nothing else).")]
    public async Task A_bad_limit_stops_the_server_at_start(string setting, string message)
    {
        var start = () => BundledServer.StartAsync(setting);

        await start.Should().ThrowAsync<OptionsValidationException>().WithMessage(message);
    }

    private static async Task<int> HandshakeWithOriginAsync(BundledServer target, string? origin)
    {
        await using var raw = await RawClient.ConnectAsync(target);
        return (await raw.HandshakeAsync("/ws", origin is null ? [] : [$"Origin: {origin}"])).Status;
    }
}
