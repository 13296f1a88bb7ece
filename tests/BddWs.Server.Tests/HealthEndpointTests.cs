using BddWs.Testing;
using FluentAssertions;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary><c>GET /health</c> reports the WebSocket connections open on all endpoints, counted in one place.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task A_fresh_server_reports_ok_and_no_connections_as_compact_JSON()
    {
        await using var server = await BundledServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Http, "/health"), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).Should().Be(200);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be("""{"status":"ok","connections":0}""");
    }

    [Fact]
    public async Task Connections_on_every_endpoint_are_counted_until_they_end()
    {
        await using var server = await BundledServer.StartAsync();
        var clients = new List<TestClient>();
        foreach (var path in new[] { "/ws", "/secure?access_token=let-me-in", "/chat", "/json" })
        {
            clients.Add(await TestClient.ConnectAsync(server.WebSocket(path)));
        }

        (await server.HealthAsync()).Should().Be("""{"status":"ok","connections":4}""");
        clients[0].Socket.Abort();
        await clients[1].DisposeAsync();

        (await Eventually.HoldsAsync(async () => await server.OpenConnectionsAsync() == 2)).Should().BeTrue();
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        (await Eventually.HoldsAsync(async () => await server.OpenConnectionsAsync() == 0)).Should().BeTrue();
    }

    [Fact]
    public async Task A_refused_handshake_is_not_counted()
    {
        await using var server = await BundledServer.StartAsync();
        await using var raw = await RawClient.ConnectAsync(server);

        (await raw.HandshakeAsync("/secure")).Status.Should().Be(401);

        (await server.HealthAsync()).Should().Be("""{"status":"ok","connections":0}""");
    }
}
