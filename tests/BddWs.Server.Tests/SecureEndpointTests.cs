using BddWs.Testing;
using System.Net.WebSockets;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary><c>/secure</c>: 401 with <c>WWW-Authenticate: Bearer</c> without the token, the echo contract with it.</summary>
public sealed class SecureEndpointTests(BundledServer server) : IClassFixture<BundledServer>
{
    [Theory]
    [InlineData(null, "/secure")]
    [InlineData("Bearer wrong", "/secure")]
    [InlineData("Bearer let-me-in-please", "/secure")]
    [InlineData("Basic let-me-in", "/secure")]
    [InlineData(null, "/secure?access_token=wrong")]
    [InlineData(null, "/secure?access_token=LET-ME-IN")]
    public async Task Handshake_without_the_right_token_is_refused_with_401(string? authorization, string path)
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
        socket.HttpResponseHeaders.Should().ContainKey("X-Server").WhoseValue.Should().Equal("BddWs");
        socket.State.Should().Be(WebSocketState.Closed);
    }

    [Theory]
    [InlineData("Bearer let-me-in", "/secure")]
    [InlineData("bearer let-me-in", "/secure")]
    [InlineData(null, "/secure?access_token=let-me-in")]
    public async Task With_the_token_in_either_form_it_echoes_like_ws(string? authorization, string path)
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket(path), options =>
        {
            if (authorization is not null)
            {
                options.SetRequestHeader("Authorization", authorization);
            }
        });

        await client.SendTextAsync("Hello");
        (await client.ReceiveTextAsync()).Should().Be("Message text was: Hello");
        await client.SendAsync([7, 8], WebSocketMessageType.Binary);
        (await client.ReceiveAsync()).Should().BeEquivalentTo(new Received(WebSocketMessageType.Binary, [7, 8]));
        await client.SendTextAsync("close");
        (await client.ReceiveAsync()).Should().BeEquivalentTo(
            new Received(WebSocketMessageType.Close, [], WebSocketCloseStatus.NormalClosure, "Closing on request"));
    }

    [Fact]
    public async Task Plain_http_with_the_token_gets_400_and_without_it_401()
    {
        using var http = new HttpClient();
        var cancellation = TestContext.Current.CancellationToken;

        using var withToken = await http.GetAsync(new Uri(server.Http, "/secure?access_token=let-me-in"), cancellation);
        using var withoutToken = await http.GetAsync(new Uri(server.Http, "/secure"), cancellation);

        ((int)withToken.StatusCode).Should().Be(400);
        ((int)withoutToken.StatusCode).Should().Be(401);
        withoutToken.Headers.WwwAuthenticate.Should().ContainSingle().Which.ToString().Should().Be("Bearer");
    }

    [Fact]
    public async Task The_token_comes_from_Secure_Token()
    {
        await using var custom = await BundledServer.StartAsync("--Secure:Token=s3cret");
        using var refused = TestClient.NewSocket();

        await FluentActions.Awaiting(() => refused.ConnectAsync(custom.WebSocket("/secure?access_token=let-me-in"), TestContext.Current.CancellationToken))
            .Should().ThrowAsync<WebSocketException>();
        await using var accepted = await TestClient.ConnectAsync(custom.WebSocket("/secure?access_token=s3cret"));

        ((int)refused.HttpStatusCode).Should().Be(401);
        ((int)accepted.Socket.HttpStatusCode).Should().Be(101);
    }

    [Fact]
    public async Task An_empty_token_stops_the_server_at_start()
    {
        var start = () => BundledServer.StartAsync("--Secure:Token=");

        await start.Should().ThrowAsync<OptionsValidationException>()
            .WithMessage("Secure:Token must not be empty: an empty token would let anyone in.");
    }
}
