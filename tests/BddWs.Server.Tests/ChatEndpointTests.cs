using BddWs.Testing;
using System.Net.WebSockets;
using BddWs.Server.Endpoints;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>
/// <c>/chat</c> relays each message to the other members of the same room only. "Nothing
/// arrived" is proven without waiting: a later marker message must be the next one received.
/// </summary>
public sealed class ChatEndpointTests(BundledServer server) : IClassFixture<BundledServer>
{
    private readonly string _room = "room-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_message_reaches_every_other_member_but_not_the_sender()
    {
        await using var ada = await JoinAsync(_room);
        await using var bob = await JoinAsync(_room);
        await using var cy = await JoinAsync(_room);

        await ada.SendTextAsync("Hello, room!");
        (await bob.ReceiveTextAsync()).Should().Be("Hello, room!");
        (await cy.ReceiveTextAsync()).Should().Be("Hello, room!");
        await bob.SendTextAsync("marker from Bob");

        (await ada.ReceiveTextAsync()).Should().Be("marker from Bob", "Ada's own message must not come back to her");
        (await cy.ReceiveTextAsync()).Should().Be("marker from Bob");
    }

    [Fact]
    public async Task Text_stays_text_and_binary_stays_binary()
    {
        await using var ada = await JoinAsync(_room);
        await using var bob = await JoinAsync(_room);

        await ada.SendTextAsync("{\"a\": 1}");
        await ada.SendAsync([0, 42, 255], WebSocketMessageType.Binary);

        (await bob.ReceiveAsync()).Should().BeEquivalentTo(new Received(WebSocketMessageType.Text, "{\"a\": 1}"u8.ToArray()));
        (await bob.ReceiveAsync()).Should().BeEquivalentTo(new Received(WebSocketMessageType.Binary, [0, 42, 255]));
    }

    [Fact]
    public async Task Rooms_are_kept_apart()
    {
        await using var ada = await JoinAsync(_room + "-one");
        await using var bob = await JoinAsync(_room + "-one");
        await using var cy = await JoinAsync(_room + "-two");
        await using var dee = await JoinAsync(_room + "-two");

        await ada.SendTextAsync("for room one");
        (await bob.ReceiveTextAsync()).Should().Be("for room one");
        await dee.SendTextAsync("for room two");
        (await cy.ReceiveTextAsync()).Should().Be("for room two", "nothing from room one may reach room two");
        await bob.SendTextAsync("marker in room one");

        (await ada.ReceiveTextAsync()).Should().Be("marker in room one", "nothing from room two may reach room one");
    }

    [Fact]
    public async Task Without_a_room_parameter_the_room_is_lobby()
    {
        await using var unnamed = await TestClient.ConnectAsync(server.WebSocket("/chat"));
        await using var named = await JoinAsync("lobby");

        await unnamed.SendTextAsync("hi from nowhere in particular");

        (await named.ReceiveTextAsync()).Should().Be("hi from nowhere in particular");
    }

    [Fact]
    public async Task Members_leave_when_they_close_or_drop_their_connection()
    {
        var rooms = server.Services.GetRequiredService<ChatRooms>();
        var closing = await JoinAsync(_room);
        var vanishing = await JoinAsync(_room);
        rooms.CountIn(_room).Should().Be(2);

        await closing.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", TestContext.Current.CancellationToken);
        vanishing.Socket.Abort();

        (await Eventually.HoldsAsync(() => rooms.CountIn(_room) == 0)).Should().BeTrue($"both left, yet {rooms.CountIn(_room)} remain");
        await closing.DisposeAsync();
        await vanishing.DisposeAsync();
    }

    [Fact]
    public async Task A_member_that_does_not_read_is_dropped_and_the_others_get_everything_in_order()
    {
        await using var small = await BundledServer.StartAsync("--Chat:QueueLimit=8");
        var url = small.WebSocket($"/chat?room={_room}");
        await using var sender = await TestClient.ConnectAsync(url);
        await using var reader = await TestClient.ConnectAsync(url);
        await using var sleeper = await TestClient.ConnectAsync(url);
        const int count = 100;

        // In step with the reader, so only the sleeper falls behind: 100 x 256 KiB is far more than
        // the socket buffers and the 8 queued messages can hold for it.
        var firstBytes = new List<byte>();
        for (var i = 0; i < count; i++)
        {
            var payload = new byte[256 * 1024];
            payload[0] = (byte)i;
            await sender.SendAsync(payload, WebSocketMessageType.Binary);
            var relayed = await reader.ReceiveAsync();
            relayed.Payload.Length.Should().Be(payload.Length);
            firstBytes.Add(relayed.Payload[0]);
        }

        firstBytes.Should().Equal(Enumerable.Range(0, count).Select(i => (byte)i));
        var sleeperReceived = 0;
        var sleeperEnd = await FluentActions.Awaiting(async () =>
        {
            while (true)
            {
                await sleeper.ReceiveAsync();
                sleeperReceived++;
            }
        }).Should().ThrowAsync<WebSocketException>();
        sleeperEnd.Which.WebSocketErrorCode.Should().Be(WebSocketError.ConnectionClosedPrematurely);
        sleeperReceived.Should().BeLessThan(count);
    }

    [Fact]
    public async Task Plain_http_is_refused_with_400()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Http, $"/chat?room={_room}"), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).Should().Be(400);
    }

    private Task<TestClient> JoinAsync(string room) => TestClient.ConnectAsync(server.WebSocket($"/chat?room={room}"));
}
