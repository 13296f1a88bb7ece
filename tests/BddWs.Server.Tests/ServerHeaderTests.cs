using BddWs.Testing;
using FluentAssertions;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>Every response says <c>X-Server: BddWs</c>, the WebSocket handshake's included.</summary>
public sealed class ServerHeaderTests(BundledServer server) : IClassFixture<BundledServer>
{
    [Fact]
    public async Task Handshake_response_carries_the_header()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/ws"));

        ((int)client.Socket.HttpStatusCode).Should().Be(101);
        client.Socket.HttpResponseHeaders.Should().ContainKey("X-Server").WhoseValue.Should().Equal("BddWs");
    }

    [Theory]
    [InlineData("/ws", 400)]
    [InlineData("/nowhere", 404)]
    public async Task Plain_http_responses_carry_the_header(string path, int status)
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Http, path), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).Should().Be(status);
        response.Headers.GetValues("X-Server").Should().Equal("BddWs");
    }
}
