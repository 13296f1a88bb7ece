using System.Net.WebSockets;
using System.Text.Json.Nodes;
using BddWs.Server.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

namespace BddWs.Server.Tests;

/// <summary>
/// <c>/graphql</c> in the <c>graphql-transport-ws</c> protocol: the acknowledged opening, a query, a mutation
/// seen by a subscription, a subscription that completes, the client's complete, pings, and the close codes
/// for what breaks the protocol. "Nothing arrived" is proven without waiting: a later answer must be the next message.
/// </summary>
public sealed class GraphQlEndpointTests(BundledServer server) : IClassFixture<BundledServer>
{
    [Fact]
    public async Task A_query_answers_with_one_result_and_its_completion()
    {
        await using var client = await OpenAsync();
        var placed = await RunAsync(client, "1", """mutation { placeOrder(customer: "ada", item: "book") { id } }""");
        var id = placed["payload"]!["data"]!["placeOrder"]!["id"]!.GetValue<string>();

        await client.SendTextAsync(Subscribe("2", "query($id: ID!) { order(id: $id) { id customer item } }", new JsonObject { ["id"] = id }));
        await ExpectAsync(client, $$$$$"""{"id":"2","type":"next","payload":{"data":{"order":{"id":"{{{{{id}}}}}","customer":"ada","item":"book"}}}}""");
        await ExpectAsync(client, """{"id":"2","type":"complete"}""");
    }

    [Fact]
    public async Task An_unknown_order_is_an_error_in_the_result_and_an_invalid_query_an_error_message()
    {
        await using var client = await OpenAsync();
        var result = await RunAsync(client, "1", """{ order(id: "nope") { id } }""");
        result["payload"]!["errors"]![0]!["message"]!.GetValue<string>().Should().Be("No order nope.");

        await client.SendTextAsync(Subscribe("2", "{ nothing }"));
        var error = JsonNode.Parse(await client.ReceiveTextAsync())!;
        error["type"]!.GetValue<string>().Should().Be("error");
        error["payload"]![0]!["message"]!.GetValue<string>().Should().Contain("nothing");
    }

    [Fact]
    public async Task A_subscription_gets_the_orders_of_its_customer_until_the_client_completes_it()
    {
        await using var watcher = await OpenAsync();
        await using var placer = await OpenAsync();
        var customer = $"ada-{Guid.NewGuid():N}";
        await watcher.SendTextAsync(Subscribe("w", "subscription($c: String) { orderPlaced(customer: $c) { customer item } }", new JsonObject { ["c"] = customer }));
        await PingPongAsync(watcher);

        await RunAsync(placer, "1", """mutation { placeOrder(customer: "someone else", item: "pen") { id } }""");
        await RunAsync(placer, "2", $$"""mutation { placeOrder(customer: "{{customer}}", item: "book") { id } }""");
        await ExpectAsync(watcher, $$$$$"""{"id":"w","type":"next","payload":{"data":{"orderPlaced":{"customer":"{{{{{customer}}}}}","item":"book"}}}}""");

        await watcher.SendTextAsync("""{"id":"w","type":"complete"}""");
        await PingPongAsync(watcher);
        await RunAsync(placer, "3", $$"""mutation { placeOrder(customer: "{{customer}}", item: "lamp") { id } }""");
        await PingPongAsync(watcher);
    }

    [Fact]
    public async Task A_countdown_sends_each_number_then_completes()
    {
        await using var client = await OpenAsync();
        await client.SendTextAsync(Subscribe("c", "subscription { countdown(from: 2) }"));
        await ExpectAsync(client, """{"id":"c","type":"next","payload":{"data":{"countdown":2}}}""");
        await ExpectAsync(client, """{"id":"c","type":"next","payload":{"data":{"countdown":1}}}""");
        await ExpectAsync(client, """{"id":"c","type":"complete"}""");
    }

    [Theory]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }"}}""", false, 4401, "Unauthorized")]
    [InlineData("""{"type":"connection_init"}""", true, 4429, "Too many initialisation requests")]
    [InlineData("""{"type":"hello"}""", true, 4400, "Invalid message received")]
    [InlineData("not json", true, 4400, "Invalid message received")]
    public async Task What_breaks_the_protocol_closes_with_its_code(string sent, bool acknowledged, int code, string reason)
    {
        await using var client = acknowledged ? await OpenAsync() : await TestClient.ConnectAsync(server.WebSocket("/graphql"), o => o.AddSubProtocol("graphql-transport-ws"));
        await client.SendTextAsync(sent);
        var closed = await client.ReceiveAsync();
        closed.CloseStatus.Should().Be((WebSocketCloseStatus)code);
        closed.CloseReason.Should().Be(reason);
    }

    [Fact]
    public async Task A_second_subscription_under_a_running_id_closes_with_4409()
    {
        await using var client = await OpenAsync();
        await client.SendTextAsync(Subscribe("s", "subscription { orderPlaced { id } }"));
        await client.SendTextAsync(Subscribe("s", "subscription { orderPlaced { id } }"));
        var closed = await client.ReceiveAsync();
        closed.CloseStatus.Should().Be((WebSocketCloseStatus)4409);
        closed.CloseReason.Should().Be("Subscriber for s already exists");
    }

    [Fact]
    public async Task A_wrong_token_in_the_init_payload_closes_with_4403_and_no_subprotocol_with_4406()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/graphql"), o => o.AddSubProtocol("graphql-transport-ws"));
        await client.SendTextAsync("""{"type":"connection_init","payload":{"token":"wrong"}}""");
        (await client.ReceiveAsync()).CloseStatus.Should().Be((WebSocketCloseStatus)4403);

        await using var plain = await TestClient.ConnectAsync(server.WebSocket("/graphql"));
        (await plain.ReceiveAsync()).CloseStatus.Should().Be((WebSocketCloseStatus)4406);
    }

    private async Task<TestClient> OpenAsync()
    {
        var client = await TestClient.ConnectAsync(server.WebSocket("/graphql"), o => o.AddSubProtocol("graphql-transport-ws"));
        client.Socket.SubProtocol.Should().Be("graphql-transport-ws");
        await client.SendTextAsync("""{"type":"connection_init","payload":{"token":"s3cret"}}""");
        await ExpectAsync(client, """{"type":"connection_ack"}""");
        return client;
    }

    /// <summary>A single-result operation: its result, after which its completion must come.</summary>
    private static async Task<JsonNode> RunAsync(TestClient client, string id, string query)
    {
        await client.SendTextAsync(Subscribe(id, query));
        var next = JsonNode.Parse(await client.ReceiveTextAsync())!;
        next["type"]!.GetValue<string>().Should().Be("next", next.ToJsonString());
        next["id"]!.GetValue<string>().Should().Be(id);
        await ExpectAsync(client, $$"""{"id":"{{id}}","type":"complete"}""");
        return next;
    }

    private static async Task PingPongAsync(TestClient client)
    {
        await client.SendTextAsync("""{"type":"ping"}""");
        await ExpectAsync(client, """{"type":"pong"}""");
    }

    private static async Task ExpectAsync(TestClient client, string json) =>
        JsonNode.DeepEquals(JsonNode.Parse(await client.ReceiveTextAsync()), JsonNode.Parse(json)).Should().BeTrue(json);

    private static string Subscribe(string id, string query, JsonObject? variables = null) =>
        new JsonObject { ["id"] = id, ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables } }.ToJsonString();
}
