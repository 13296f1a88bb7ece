using System.Net;
using System.Net.WebSockets;
using BddWs.Server.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

namespace BddWs.Server.Tests;

/// <summary>
/// <c>/socket.io/</c> speaks Socket.IO 5 over Engine.IO 4 on the WebSocket transport: the open packet, the
/// connect with its auth, the <c>/chat</c> namespace's events, acknowledgements and disconnect, and the
/// server's pings. "Nothing arrived" is proven without waiting: a later acknowledged order must come next.
/// </summary>
public sealed class SocketIoEndpointTests(BundledServer server) : IClassFixture<BundledServer>
{
    private const string Auth = """{"token":"chat-secret","name":"ada"}""";

    [Fact]
    public async Task The_open_packet_tells_the_ping_timing_and_offers_no_upgrade()
    {
        await using var client = await TestClient.ConnectAsync(SocketIoUrl(server));

        var open = await client.ReceiveTextAsync();

        open.Should().StartWith("0{").And.Contain("\"upgrades\":[]").And.Contain("\"pingInterval\":25000").And.Contain("\"pingTimeout\":20000");
    }

    [Fact]
    public async Task Another_engine_io_version_or_transport_is_refused_as_socket_io_servers_refuse_it()
    {
        using var http = new HttpClient();
        var version = await http.GetAsync(new Uri(server.Http, "/socket.io/?EIO=3&transport=websocket"), TestContext.Current.CancellationToken);
        var polling = await http.GetAsync(new Uri(server.Http, "/socket.io/?EIO=4&transport=polling"), TestContext.Current.CancellationToken);

        version.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await version.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be("""{"code":5,"message":"Unsupported protocol version"}""");
        polling.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await polling.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be("""{"code":0,"message":"Transport unknown"}""");
    }

    [Fact]
    public async Task The_chat_namespace_lets_in_the_right_token_and_refuses_a_wrong_one_or_an_unknown_namespace()
    {
        await using var client = await OpenAsync(server);

        await client.SendTextAsync("40/chat,{\"token\":\"guessed\"}");
        (await client.ReceiveTextAsync()).Should().Be("44/chat,{\"message\":\"not authorized\"}");
        await client.SendTextAsync("40/shop,");
        (await client.ReceiveTextAsync()).Should().Be("44/shop,{\"message\":\"Invalid namespace\"}");
        await client.SendTextAsync("40");
        (await client.ReceiveTextAsync()).Should().MatchRegex("^40\\{\"sid\":\"[0-9a-f]{32}\"\\}$");
        await client.SendTextAsync($"40/chat,{Auth}");
        (await client.ReceiveTextAsync()).Should().MatchRegex("^40/chat,\\{\"sid\":\"[0-9a-f]{32}\"\\}$");
    }

    [Fact]
    public async Task A_chat_event_reaches_every_other_member_with_the_speakers_name_but_not_the_speaker()
    {
        await using var ada = await JoinChatAsync(server, "ada");
        await using var bob = await JoinChatAsync(server, "bob");

        await ada.SendTextAsync("42/chat,[\"chat\",\"hi\",{\"mood\":\"glad\"}]");
        (await bob.ReceiveTextAsync()).Should().Be("42/chat,[\"chat\",\"ada\",\"hi\",{\"mood\":\"glad\"}]");
        await ada.SendTextAsync("42/chat,9[\"order\",{\"item\":\"book\"}]");

        (await ada.ReceiveTextAsync()).Should().MatchRegex("^43/chat,9\\[\"ok\",\"order-[0-9]+\"\\]$", "Ada's own chat event must not come back to her");
    }

    [Fact]
    public async Task An_order_is_acknowledged_only_when_asked_and_leave_is_answered_with_a_disconnect()
    {
        await using var ada = await JoinChatAsync(server, "ada");

        await ada.SendTextAsync("42/chat,[\"order\",{\"item\":\"pen\"}]");
        await ada.SendTextAsync("42/chat,1[\"order\",{\"item\":\"book\"}]");
        (await ada.ReceiveTextAsync()).Should().MatchRegex("^43/chat,1\\[\"ok\",\"order-[0-9]+\"\\]$", "an order asking for no acknowledgement gets none");
        await ada.SendTextAsync("42/chat,[\"leave\"]");
        (await ada.ReceiveTextAsync()).Should().Be("41/chat,");
    }

    [Fact]
    public async Task A_frame_that_is_no_engine_io_packet_closes_the_connection_with_1002()
    {
        await using var client = await OpenAsync(server);

        await client.SendTextAsync("9nonsense");

        (await client.ReceiveAsync()).Should().BeEquivalentTo(new Received(WebSocketMessageType.Close, [], WebSocketCloseStatus.ProtocolError, "Not an Engine.IO packet"));
    }

    [Fact]
    public async Task The_server_pings_and_drops_a_client_that_does_not_answer()
    {
        await using var pinging = await BundledServer.StartAsync("--SocketIo:PingInterval=00:00:00.1", "--SocketIo:PingTimeout=00:00:00.5");
        await using var answering = await OpenAsync(pinging);
        await using var silent = await OpenAsync(pinging);

        (await answering.ReceiveTextAsync()).Should().Be("2");
        await answering.SendTextAsync("3");
        (await answering.ReceiveTextAsync()).Should().Be("2", "a client that answered is pinged again");
        (await silent.ReceiveTextAsync()).Should().Be("2");

        var dropped = await FluentActions.Awaiting(silent.ReceiveAsync).Should().ThrowAsync<WebSocketException>();
        dropped.Which.Message.Should().NotBeEmpty();
    }

    private static Uri SocketIoUrl(BundledServer on) => on.WebSocket("/socket.io/?EIO=4&transport=websocket");

    /// <summary>A client past the Engine.IO open packet.</summary>
    private static async Task<TestClient> OpenAsync(BundledServer on)
    {
        var client = await TestClient.ConnectAsync(SocketIoUrl(on));
        (await client.ReceiveTextAsync()).Should().StartWith("0{");
        return client;
    }

    private static async Task<TestClient> JoinChatAsync(BundledServer on, string name)
    {
        var client = await OpenAsync(on);
        await client.SendTextAsync($"40/chat,{{\"token\":\"chat-secret\",\"name\":\"{name}\"}}");
        (await client.ReceiveTextAsync()).Should().StartWith("40/chat,");
        return client;
    }
}
