using System.Net.WebSockets;
using BddWs.Driver;
using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// The GraphQL sentences in front of the bundled server's GraphQL endpoint (and, for what it never does, a
/// hand-written one), asked for something other than what happens. Each test first waits for what the server
/// sends, so the step's message is the same on a fast machine and a slow one.
/// </summary>
public sealed class GraphQlStepFailureTests
{
    private const string Token = """{ "token": "s3cret" }""";
    private const string Watch = "subscription W($c: String) { orderPlaced(customer: $c) { customer item } }";

    [Fact]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.RunResultEqualTo))]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.RunResultContaining))]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.RunFails))]
    public async Task A_result_other_than_expected_says_where_it_differs()
    {
        await using var steps = await BundledAsync();
        await steps.GraphQlSteps.ConnectWithPayload(I, "/graphql", default, Token);
        await steps.GraphQlSteps.Run(I, """mutation { placeOrder(customer: "ada", item: "book") { customer item } }""");
        await steps.ReceivedAsync(I, 2);

        (await FailureOf(() => steps.GraphQlSteps.RunResultEqualTo(default, """{ "data": { "placeOrder": { "customer": "ada" } } }"""))).Should().Be(
            "Expected the next result of the operation placeOrder() #1 to be JSON equal to {\"data\":{\"placeOrder\":{\"customer\":\"ada\"}}} (decided after 0 ms of 300 ms), but it was {\"data\":{\"placeOrder\":{\"customer\":\"ada\",\"item\":\"book\"}}}; it differs: $.data.placeOrder.item was not expected, received \"book\". Connection: open.");
        (await FailureOf(() => steps.GraphQlSteps.RunResultContaining(default, """{ "data": { "placeOrder": { "item": "pen" } } }"""))).Should().Be(
            "Expected the next result of the operation placeOrder() #1 to be JSON containing {\"data\":{\"placeOrder\":{\"item\":\"pen\"}}} (decided after 0 ms of 300 ms), but it was {\"data\":{\"placeOrder\":{\"customer\":\"ada\",\"item\":\"book\"}}}; it differs at $.data.placeOrder.item: expected \"pen\", received \"book\". Connection: open.");
        (await FailureOf(() => steps.GraphQlSteps.RunFails("No order"))).Should().Be(
            "Expected the operation placeOrder() #1 to fail with \"No order\" (decided after 0 ms of 300 ms), but it completed without an error. Connection: open.");
    }

    [Fact]
    public async Task A_contract_holds_the_payload_of_each_result_and_nothing_of_the_protocol()
    {
        await using var steps = await BundledAsync();
        steps.WriteFile("contracts/graphql.yaml", """
            asyncapi: 3.0.0
            info: { title: orders, version: 1.0.0 }
            channels:
              graphql:
                address: /graphql
                messages:
                  result:
                    payload: { type: object, required: [data], properties: { data: { type: object, properties: { placeOrder: { type: object, properties: { id: { type: integer } } } } } } }
            operations:
              answer: { action: send, channel: { $ref: '#/channels/graphql' } }
            """);
        steps.Contract.Follows("contracts/graphql.yaml");
        await steps.GraphQlSteps.ConnectWithPayload(I, "/graphql", default, Token);
        await steps.GraphQlSteps.Run(I, """mutation { placeOrder(customer: "ada", item: "book") { id } }""");
        await steps.ReceivedAsync(I, 2);

        // The subscribe sent and the complete received are the protocol's: only the result is judged, as its payload.
        steps.FollowedContract.CheckNew(steps.Connections.Reported).Should().Equal(
            "Message 1 received on /graphql does not fit the contract \"contracts/graphql.yaml\": it does not match result: at $.data.placeOrder.id: value is \"string\" but should be \"integer\".");
    }

    [Fact]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.NextEqualTo))]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.NextContaining))]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.NextWhere))]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.NextWhereTable))]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.NoFurtherResult))]
    public async Task The_next_result_of_a_subscription_is_judged_one_by_one()
    {
        const string customer = "ada";
        await using var steps = await BundledAsync();
        await steps.GraphQlSteps.ConnectTo(I, "/graphql");
        await steps.GraphQlSteps.SubscribeWith(I, "orders", $$"""{"c": "{{customer}}"}""", Watch);
        await steps.GraphQlSteps.Run(I, $$"""mutation { placeOrder(customer: "{{customer}}", item: "book") { id } }""");
        await steps.ReceivedAsync(I, 3);

        (await FailureOf(() => steps.GraphQlSteps.NextEqualTo("orders", default, $$"""{ "data": { "orderPlaced": { "customer": "{{customer}}", "item": "pen" } } }"""))).Should().Be(
            "Expected the next result of the subscription \"orders\" (W(c: \"ada\") #1) to be JSON equal to {\"data\":{\"orderPlaced\":{\"customer\":\"ada\",\"item\":\"pen\"}}} (decided after 0 ms of 300 ms), but it was {\"data\":{\"orderPlaced\":{\"customer\":\"ada\",\"item\":\"book\"}}}; it differs at $.data.orderPlaced.item: expected \"pen\", received \"book\". Connection: open.");
        (await FailureOf(() => steps.GraphQlSteps.NextContaining("orders", default, """{ "data": { "orderPlaced": { "item": "pen" } } }"""))).Should().Be(
            "Expected the next result of the subscription \"orders\" (W(c: \"ada\") #1) to be JSON containing {\"data\":{\"orderPlaced\":{\"item\":\"pen\"}}} (decided after 0 ms of 300 ms), but it was {\"data\":{\"orderPlaced\":{\"customer\":\"ada\",\"item\":\"book\"}}}; it differs at $.data.orderPlaced.item: expected \"pen\", received \"book\". Connection: open.");
        (await FailureOf(() => steps.GraphQlSteps.NextWhere("orders", "$.data.orderPlaced.item", "pen"))).Should().Be(
            "Expected the next result of the subscription \"orders\" (W(c: \"ada\") #1) to be one where $.data.orderPlaced.item is \"pen\" (decided after 0 ms of 300 ms), but it was {\"data\":{\"orderPlaced\":{\"customer\":\"ada\",\"item\":\"book\"}}}; it differs at $.data.orderPlaced.item: expected \"pen\", received \"book\". Connection: open.");
        (await FailureOf(() => steps.GraphQlSteps.NextWhereTable("orders", default, Table(("$.data.orderPlaced.item", "(any number)"))))).Should().Be(
            "Expected the next result of the subscription \"orders\" (W(c: \"ada\") #1) to be one where $.data.orderPlaced.item is (any number) (decided after 0 ms of 300 ms), but it was {\"data\":{\"orderPlaced\":{\"customer\":\"ada\",\"item\":\"book\"}}}; it differs at $.data.orderPlaced.item: expected (any number), received \"book\". Connection: open.");
        (await FailureOf(() => steps.GraphQlSteps.NoFurtherResult("orders", TimeSpan.FromMilliseconds(100)))).Should().Be(
            "Expected no further result of the subscription \"orders\" (W(c: \"ada\") #1) (decided after 0 ms of 100 ms), but it sent {\"data\":{\"orderPlaced\":{\"customer\":\"ada\",\"item\":\"book\"}}}. Connection: open.");

        await steps.GraphQlSteps.NextWhere("orders", "$.data.orderPlaced.item", "book");
        (await FailureOf(() => steps.GraphQlSteps.NextEqualTo("orders", TimeSpan.FromMilliseconds(50), """{ "data": null }"""))).Should().Be(
            "Expected the next result of the subscription \"orders\" (W(c: \"ada\") #1) to be JSON equal to {\"data\":null} within 50 ms, but received 3 GraphQL messages: [1] next #1 {\"data\":{\"orderPlaced\":{\"customer\":\"ada\",\"item\":\"book\"}}} [2] next #2 {\"data\":{\"placeOrder\":{\"id\":\"1\"}}} [3] complete #2. Connection: open.");
    }

    [Fact]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.Completes))]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.SubscriptionFails))]
    public async Task Completion_and_failure_of_a_subscription_say_what_happened_instead()
    {
        await using var steps = await BundledAsync();
        await steps.GraphQlSteps.ConnectTo(I, "/graphql");
        await steps.GraphQlSteps.Subscribe(I, "countdown", "subscription { countdown(from: 1) }");
        await steps.GraphQlSteps.Subscribe(I, "refused", """subscription { orderPlaced(shop: "north") { id } }""");
        await steps.ReceivedAsync(I, 3);

        (await FailureOf(() => steps.GraphQlSteps.SubscriptionFails("countdown", "too late"))).Should().Be(
            "Expected the subscription \"countdown\" (countdown() #1) to fail with \"too late\" (decided after 0 ms of 300 ms), but it completed without an error. Connection: open.");
        (await FailureOf(() => steps.GraphQlSteps.SubscriptionFails("refused", "Forbidden"))).Should().Be(
            "Expected the subscription \"refused\" (orderPlaced() #2) to fail with \"Forbidden\" (decided after 0 ms of 300 ms), but it failed with \"Unknown argument 'shop' on field 'orderPlaced' of type 'Subscription'.\". Connection: open.");
        (await FailureOf(() => steps.GraphQlSteps.Completes("refused"))).Should().Be(
            "Expected the subscription \"refused\" (orderPlaced() #2) to complete (decided after 0 ms of 300 ms), but it failed with \"Unknown argument 'shop' on field 'orderPlaced' of type 'Subscription'.\". Connection: open.");
    }

    [Fact]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.ConnectingFailsWith))]
    public async Task A_refused_init_payload_or_an_accepted_one_is_told()
    {
        await using var steps = await BundledAsync();

        (await FailureOf(() => steps.GraphQlSteps.ConnectingFailsWith("/graphql", default, "4401", """{ "token": "wrong" }"""))).Should().Be(
            "Expected connecting to the GraphQL endpoint \"/graphql\" to fail with \"4401\", but it failed otherwise: the server closed the connection (4403 \"Forbidden\") instead of acknowledging connection_init.");
        (await FailureOf(() => steps.GraphQlSteps.ConnectingFailsWith("/graphql", default, "4403", Token))).Should().Be(
            "Expected connecting to the GraphQL endpoint \"/graphql\" to fail with \"4403\", but it opened.");
    }

    [Fact]
    public async Task A_server_that_never_acknowledges_fails_the_connecting_step()
    {
        await using var steps = await StartAsync(
            async socket =>
            {
                await ScriptedServer.ReceiveTextAsync(socket);
                await ScriptedServer.ReceiveTextAsync(socket);
            },
            subProtocol: "graphql-transport-ws");
        // Only this step's patience is short: the WebSocket itself opens in the harness's ordinary time.
        var impatient = new BddWs.Driver.GraphQl.ScenarioGraphQl(steps.Connections, new SuiteSettings(steps.Url, StepHarness.Timeout, TimeSpan.FromMilliseconds(200)));

        (await FailureOf(() => impatient.ConnectAsync("", steps.Url.AbsoluteUri, null))).Should().Be(
            $"Could not connect to the GraphQL endpoint {steps.Url.AbsoluteUri}: no connection_ack within 200 ms.");
    }

    [Fact]
    public async Task The_servers_ping_is_answered_with_a_pong_and_left_out_of_what_steps_judge()
    {
        var answered = new TaskCompletionSource<string?>();
        await using var steps = await StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await ScriptedServer.SendTextAsync(socket, """{"type":"connection_ack"}""");
            await ScriptedServer.SendTextAsync(socket, """{"type":"ping"}""");
            answered.SetResult(await ScriptedServer.ReceiveTextAsync(socket));
            await ScriptedServer.ReceiveTextAsync(socket);
        }, subProtocol: "graphql-transport-ws");
        await steps.GraphQlSteps.ConnectTo(I, steps.Url.AbsoluteUri);

        (await answered.Task.WaitAsync(Patience.MustHappen, TestContext.Current.CancellationToken)).Should().Be("""{"type":"pong"}""");
        steps.Connections.Default.LastMessage.Should().BeNull("the acknowledgement and the ping are plumbing");
    }

    [Fact]
    public async Task A_result_for_an_operation_never_started_closes_with_4400_and_fails_the_waiting_step()
    {
        await using var steps = await StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await ScriptedServer.SendTextAsync(socket, """{"type":"connection_ack"}""");
            await ScriptedServer.ReceiveTextAsync(socket);
            await ScriptedServer.SendTextAsync(socket, """{"id":"7","type":"next","payload":{"data":{"orderPlaced":{"id":"1"}}}}""");
            await ScriptedServer.ReceiveTextAsync(socket);
        }, subProtocol: "graphql-transport-ws");
        await steps.GraphQlSteps.ConnectTo(I, steps.Url.AbsoluteUri);
        await steps.GraphQlSteps.Subscribe(I, "orders", "subscription { orderPlaced { id } }");
        await steps.ClosedAsync(I);

        (await FailureOf(() => steps.GraphQlSteps.NextContaining("orders", default, """{ "data": {} }"""))).Should().Be(
            "Expected the next result of the subscription \"orders\" (orderPlaced() #1) to be JSON containing {\"data\":{}} (decided after 0 ms of 300 ms), but received 1 GraphQL message: [1] next #7 {\"data\":{\"orderPlaced\":{\"id\":\"1\"}}}. Connection: closed by client with 4400 \"next for #7, an operation the client never started\".");
        steps.GraphQl[""].Breach.Should().Be("next for #7, an operation the client never started");
    }

    [Fact]
    public async Task A_message_the_protocol_does_not_have_closes_with_4400()
    {
        await using var steps = await StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await ScriptedServer.SendTextAsync(socket, """{"type":"connection_ack"}""");
            await ScriptedServer.ReceiveTextAsync(socket);
            // The keep-alive of the older subscriptions-transport-ws protocol.
            await ScriptedServer.SendTextAsync(socket, """{"type":"ka"}""");
            await ScriptedServer.ReceiveTextAsync(socket);
        }, subProtocol: "graphql-transport-ws");
        await steps.GraphQlSteps.ConnectTo(I, steps.Url.AbsoluteUri);
        await steps.GraphQlSteps.Subscribe(I, "orders", "subscription { orderPlaced { id } }");
        await steps.ClosedAsync(I);

        (await FailureOf(() => steps.GraphQlSteps.Completes("orders"))).Should().Be(
            "Expected the subscription \"orders\" (orderPlaced() #1) to complete (decided after 0 ms of 300 ms), but received 1 GraphQL message: [1] ka. " +
            "Connection: closed by client with 4400 \"a message of type ka, which graphql-transport-ws does not have\".");
    }

    private static Reqnroll.DataTable Table(params (string Path, string Value)[] rows)
    {
        var table = new Reqnroll.DataTable("path", "value");
        foreach (var (path, value) in rows)
        {
            table.AddRow(path, value);
        }

        return table;
    }
}
