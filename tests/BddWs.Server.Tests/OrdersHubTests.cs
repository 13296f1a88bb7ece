using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using BddWs.Server.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace BddWs.Server.Tests;

/// <summary><c>/hubs/orders</c>: a login token on negotiate and on the handshake, 401 without it, and the orders created and cancelled over HTTP pushed to every connection.</summary>
public sealed class OrdersHubTests(BundledServer server) : IClassFixture<BundledServer>, IDisposable
{
    private readonly OrdersHttp _http = new(server);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Negotiate_without_a_token_is_refused_with_401()
    {
        await using var connection = HubClients.Build(server, "/hubs/orders");

        await FluentActions.Awaiting(() => connection.StartAsync(Cancellation))
            .Should().ThrowAsync<HttpRequestException>()
            .Where(refusal => refusal.StatusCode == HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/hubs/orders")]
    [InlineData("/hubs/orders?access_token=not-a-token")]
    public async Task A_WebSocket_handshake_without_a_valid_token_is_refused_with_401(string path)
    {
        using var socket = TestClient.NewSocket();

        await FluentActions.Awaiting(() => socket.ConnectAsync(server.WebSocket(path), Cancellation))
            .Should().ThrowAsync<WebSocketException>();

        ((int)socket.HttpStatusCode).Should().Be(401);
        socket.HttpResponseHeaders.Should().ContainKey("WWW-Authenticate").WhoseValue.Should().Equal("Bearer");
    }

    [Fact]
    public async Task The_401_of_negotiate_says_how_to_get_a_token()
    {
        using var http = new HttpClient();

        using var answer = await http.PostAsync(new Uri(server.Http, "/hubs/orders/negotiate?negotiateVersion=1"), null, Cancellation);

        ((int)answer.StatusCode).Should().Be(401);
        answer.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        (await answer.Content.ReadAsStringAsync(Cancellation)).Should().Be("""{"error":"a valid bearer token is required: log in with POST /api/login"}""");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_a_login_token_the_hub_knows_the_user(bool skipNegotiation)
    {
        var token = await _http.LogInAsync("grace");
        await using var connection = await HubClients.ConnectAsync(server, "/hubs/orders", token, skipNegotiation);

        (await connection.InvokeAsync<string>("WhoAmI", Cancellation)).Should().Be("grace");
    }

    [Fact]
    public async Task Orders_created_and_cancelled_over_HTTP_are_pushed_to_the_hub()
    {
        var token = await _http.LogInAsync();
        await using var connection = await HubClients.ConnectAsync(server, "/hubs/orders", token);
        var events = Channel.CreateUnbounded<string>();
        connection.On<OrderView>("OrderCreated", order => events.Writer.TryWrite($"created {order.Item} x{order.Quantity} {order.Status} {order.Id}"));
        connection.On<string>("OrderCancelled", id => events.Writer.TryWrite($"cancelled {id}"));

        var created = await _http.CreateOrderAsync(token, "lamp", 3);
        using var document = JsonDocument.Parse(created);
        var id = document.RootElement.GetProperty("id").GetString();
        (await _http.DeleteAsync($"/api/orders/{id}", token)).Status.Should().Be(204);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(Patience.MustHappen);
        (await events.Reader.ReadAsync(deadline.Token)).Should().Be($"created lamp x3 created {id}");
        (await events.Reader.ReadAsync(deadline.Token)).Should().Be($"cancelled {id}");
    }

    public void Dispose() => _http.Dispose();

    private sealed record OrderView(string Id, string Item, int Quantity, string Status, string CreatedAt);
}
