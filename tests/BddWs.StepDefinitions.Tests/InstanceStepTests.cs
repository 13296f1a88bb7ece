using BddWs.Driver.Hubs;
using BddWs.ReqnrollPlugin.Reporting;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// Connections and requests placed on named instances of the service ("… on instance "b""): two bundled
/// servers, hosted as the instances "a" and "b"; each connection reaches the instance it names (the
/// instances' own <c>/health</c> counts say so), a reconnect goes back to it, <c>BDDWS_SERVERS</c> wins
/// over hosted instances, an instance that does not exist fails the step with one line, and the report and
/// the failures mark every connection on an instance <c>Bob@b</c>.
/// </summary>
public sealed class InstanceStepTests
{
    private static readonly ConnectionName Bob = new("Bob");
    private static readonly ConnectionName Carol = new("Carol");
    private static readonly ConnectionName Dave = new("Dave");
    private static readonly OnInstance OnA = new("a");
    private static readonly OnInstance OnB = new("b");

    [Fact]
    public async Task Each_connection_goes_to_the_instance_it_names_and_gets_its_own_traffic()
    {
        await using var steps = await OnInstancesAsync();
        await steps.Connecting.ConnectTo(Bob, "/ws", OnA);
        await steps.Connecting.ConnectTo(Carol, "/ws", OnB);
        await steps.Connecting.ConnectTo(Dave, "/ws", OnB);

        await steps.Sending.SendText(Bob, "from a");
        await steps.Sending.SendText(Carol, "from b");
        await steps.Receiving.MessageEqualTo(Bob, "Message text was: from a", Patience.MustHappen);
        await steps.Receiving.MessageEqualTo(Carol, "Message text was: from b", Patience.MustHappen);

        (await Eventually.HoldsAsync(async () => await steps.Instance("a").OpenConnectionsAsync() == 1 && await steps.Instance("b").OpenConnectionsAsync() == 2))
            .Should().BeTrue("Bob is on a, Carol and Dave on b");
        steps.Connections["Carol"].Url.Port.Should().Be(steps.Instance("b").Http.Port);
        steps.Connections["Carol"].Instance.Should().Be("b");
    }

    [Fact]
    public async Task The_report_marks_every_line_of_a_connection_on_an_instance_and_leaves_the_others_as_they_were()
    {
        await using var steps = await OnInstancesAsync();
        await steps.Connecting.ConnectToEcho(Bob, OnB);
        await steps.Connecting.ConnectToEcho(ConnectionName.Default, OnA);
        await steps.Connecting.ConnectToEcho(Carol);
        await steps.Sending.SendText(Bob, "hi");
        await steps.Receiving.MessageEqualTo(Bob, "Message text was: hi", Patience.MustHappen);

        var lines = new Conversation().NewLines(steps.Connections.All);

        lines.Should().HaveCount(5);
        lines[0].Should().Be($"Bob@b: open {steps.Instance("b").WebSocket("/ws")} (+{lines[0].Split("(+")[1]}");
        lines[1].Should().Be($"@a: open {steps.Instance("a").WebSocket("/ws")} (+{lines[1].Split("(+")[1]}");
        lines[2].Should().StartWith($"Carol: open {steps.Instance("a").WebSocket("/ws")} (+");
        lines[3].Should().StartWith("Bob@b: → sent \"hi\" (+");
        lines[4].Should().StartWith("Bob@b: ← received \"Message text was: hi\" (+");
    }

    [Fact]
    public async Task A_failure_on_a_connection_on_an_instance_names_the_instance()
    {
        await using var steps = await OnInstancesAsync();
        await steps.Connecting.ConnectTo(Bob, "/ws", OnB);
        await steps.Connecting.ConnectTo(ConnectionName.Default, "/ws", OnA);

        (await FailureOf(() => steps.Receiving.MessageContaining(Bob, "Hello"))).Should().Be(
            "Expected a message containing \"Hello\" on \"Bob\"@b within 300 ms, but received no message. Connection: open.");
        (await FailureOf(() => steps.Receiving.MessageContaining(I, "Hello"))).Should().Be(
            "Expected a message containing \"Hello\" on @a within 300 ms, but received no message. Connection: open.");
    }

    [Fact]
    public async Task A_reconnect_goes_back_to_the_same_instance()
    {
        await using var steps = await OnInstancesAsync();
        await steps.Connecting.ConnectTo(Bob, "/ws", OnB);
        await steps.HubConnecting.ConnectTo(Carol, "/hubs/chat", OnB);

        await steps.Connecting.Reconnect(Bob);
        await steps.Connecting.Reconnect(Carol);
        await steps.HubInvocation.Invoke(Carol, HubCall.Parse("Add(2, 3)"));
        await steps.HubInvocation.Returns(new HubValue(5), Patience.MustHappen);

        steps.Connections["Bob"].Reconnections.Should().Be(1);
        steps.Connections["Bob"].Url.Should().Be(steps.Instance("b").WebSocket("/ws"));
        steps.Connections["Carol"].Url.Port.Should().Be(steps.Instance("b").Http.Port);
        steps.Connections["Carol"].Instance.Should().Be("b");
        new Conversation().NewLines(steps.Connections.All).Should().Contain(l => l.StartsWith($"Bob@b: reconnect {steps.Instance("b").WebSocket("/ws")}", StringComparison.Ordinal));
        (await Eventually.HoldsAsync(async () => await steps.Instance("b").OpenConnectionsAsync() >= 1 && await steps.Instance("a").OpenConnectionsAsync() == 0))
            .Should().BeTrue("nothing went to a");
    }

    [Fact]
    public async Task Hub_graphql_and_socket_io_connections_go_to_the_instance_they_name()
    {
        await using var steps = await OnInstancesAsync();
        var b = steps.Instance("b").Http.Port;

        await steps.HubConnecting.ConnectTo(Bob, "/hubs/chat", OnB);
        await steps.GraphQlSteps.ConnectTo(Carol, "/graphql", OnB);
        await steps.SocketIo.ConnectWithAuth(Dave, "/chat", OnB, """{ "token": "chat-secret", "name": "dave" }""");

        steps.Connections.All.Select(c => (c.Name, c.Instance, c.Url.Port)).Should().BeEquivalentTo([("Bob", "b", b), ("Carol", "b", b), ("Dave", "b", b)]);
        new Conversation().NewLines(steps.Connections.All).Where(l => !l.StartsWith("Bob@b: ", StringComparison.Ordinal)
            && !l.StartsWith("Carol@b: ", StringComparison.Ordinal) && !l.StartsWith("Dave@b: ", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_http_request_on_an_instance_goes_to_its_host_and_its_lines_are_marked()
    {
        await using var steps = await OnInstancesAsync();
        await steps.Connecting.ConnectTo(Bob, "/ws", OnB);
        // The server counts a connection a moment after the client sees it open.
        (await Eventually.HoldsAsync(async () => await steps.Instance("b").OpenConnectionsAsync() == 1)).Should().BeTrue();

        await steps.HttpSteps.Send(HttpMethod.Get, "/health", OnB);
        steps.HttpSteps.JsonIs("$.connections", "1");
        await steps.HttpSteps.Send(HttpMethod.Get, "/health");
        steps.HttpSteps.JsonIs("$.connections", "0");

        var lines = new Conversation().NewLines(steps.Connections.All, steps.Http.Exchanges);
        lines.Should().HaveCount(5);
        lines[1].Should().StartWith($"@b: → GET {new Uri(steps.Instance("b").Http, "/health")} (+");
        lines[2].Should().StartWith("@b: ← 200 OK {\"status\":\"ok\",\"connections\":1} (+");
        lines[3].Should().StartWith($"→ GET {new Uri(steps.Instance("a").Http, "/health")} (+");
    }

    [Fact]
    public async Task The_setting_wins_over_the_instances_the_suite_hosts()
    {
        // BDDWS_SERVERS names the two servers the other way round from how the suite hosts them.
        await using var steps = await OnInstancesAsync((a, b) => $"a={b};b={a}");

        await steps.Connecting.ConnectTo(Bob, "/ws", OnA);

        steps.Connections["Bob"].Url.Should().Be(steps.Instance("b").WebSocket("/ws"));
        (await Eventually.HoldsAsync(async () => await steps.Instance("b").OpenConnectionsAsync() == 1)).Should().BeTrue();
    }

    [Fact]
    public async Task An_instance_that_does_not_exist_fails_the_step_with_one_line()
    {
        await using var steps = await OnInstancesAsync();
        var c = new OnInstance("c");
        const string NoC = "There is no instance \"c\" of the service: the instances are \"a\" and \"b\".";

        (await FailureOf(() => steps.Connecting.ConnectTo(Bob, "/ws", c))).Should().Be(NoC);
        (await FailureOf(() => steps.Connecting.ConnectToEcho(Bob, c))).Should().Be(NoC);
        (await FailureOf(() => steps.Connecting.TryConnect(Bob, "/ws", c))).Should().Be(NoC);
        (await FailureOf(() => steps.Connecting.ConnectingToFails("/ws", c))).Should().Be(NoC);
        (await FailureOf(() => steps.HubConnecting.ConnectTo(Bob, "/hubs/chat", c))).Should().Be(NoC);
        (await FailureOf(() => steps.GraphQlSteps.ConnectTo(Bob, "/graphql", c))).Should().Be(NoC);
        (await FailureOf(() => steps.SocketIo.ConnectTo(Bob, "/", c))).Should().Be(NoC);
        (await FailureOf(() => steps.HttpSteps.Send(HttpMethod.Get, "/health", c))).Should().Be(NoC);
        steps.Connections.All.Should().BeEmpty();
    }

    [Fact]
    public async Task An_instance_when_none_is_named_says_how_to_name_them()
    {
        await using var steps = await BundledAsync();

        (await FailureOf(() => steps.HubConnecting.ConnectTo(Bob, "/hubs/chat", OnB))).Should().Be(
            "There is no instance \"b\" of the service: no instances are named. Set BDDWS_SERVERS, for example a=ws://localhost:5001/;b=ws://localhost:5002/, or have the suite host them.");
    }

    [Fact]
    [Fails(typeof(ConnectingSteps), nameof(ConnectingSteps.ConnectingToFails))]
    [Fails(typeof(HubConnectingSteps), nameof(HubConnectingSteps.ConnectingFails))]
    [Fails(typeof(HubConnectingSteps), nameof(HubConnectingSteps.ConnectingFailsWith))]
    [Fails(typeof(GraphQlSteps), nameof(GraphQlSteps.ConnectingFailsWith))]
    [Fails(typeof(SocketIoSteps), nameof(SocketIoSteps.ConnectingFails))]
    [Fails(typeof(SocketIoSteps), nameof(SocketIoSteps.ConnectingFailsWithAuth))]
    public async Task Connecting_fails_on_an_instance_names_the_instance_when_it_opens()
    {
        await using var steps = await OnInstancesAsync();

        (await FailureOf(() => steps.Connecting.ConnectingToFails("/ws", OnB))).Should().Be(
            "Expected connecting to \"/ws\" on instance \"b\" to fail, but it opened.");
        (await FailureOf(() => steps.HubConnecting.ConnectingFails("/hubs/chat", OnB))).Should().Be(
            "Expected connecting to the hub \"/hubs/chat\" on instance \"b\" to fail, but it opened.");
        (await FailureOf(() => steps.HubConnecting.ConnectingFailsWith("/hubs/chat", OnB, "HTTP 401"))).Should().Be(
            "Expected connecting to the hub \"/hubs/chat\" on instance \"b\" to fail with \"HTTP 401\", but it opened.");
        (await FailureOf(() => steps.GraphQlSteps.ConnectingFailsWith("/graphql", OnB, "4403", """{ "token": "s3cret" }"""))).Should().Be(
            "Expected connecting to the GraphQL endpoint \"/graphql\" on instance \"b\" to fail with \"4403\", but it opened.");
        (await FailureOf(() => steps.SocketIo.ConnectingFails("/", OnB, "not authorized"))).Should().Be(
            "Expected connecting to the Socket.IO namespace \"/\" on instance \"b\" to fail with \"not authorized\", but it opened.");
        (await FailureOf(() => steps.SocketIo.ConnectingFailsWithAuth("/chat", OnB, "not authorized", """{ "token": "chat-secret", "name": "ada" }"""))).Should().Be(
            "Expected connecting to the Socket.IO namespace \"/chat\" on instance \"b\" to fail with \"not authorized\", but it opened.");
        (await Eventually.HoldsAsync(async () => await steps.Instance("a").OpenConnectionsAsync() == 0)).Should().BeTrue("every attempt went to b");
    }

    [Fact]
    public async Task A_hub_invocation_on_an_instance_is_named_with_it_when_it_fails()
    {
        await using var steps = await OnInstancesAsync();
        await steps.HubConnecting.ConnectTo(Bob, "/hubs/chat", OnB);
        await steps.HubInvocation.Invoke(Bob, HubCall.Parse("Add(2, 3)"));

        (await FailureOf(() => steps.HubInvocation.Returns(new HubValue(6), Patience.MustHappen))).Should()
            .StartWith("Expected the invocation Add(2, 3) #1 of \"Bob\"@b to return 6");
    }

    [Fact]
    public void On_instance_is_read_as_its_name_and_nothing_as_the_server_under_test()
    {
        var types = new ParameterTypes();

        types.OnInstanceOf(" on instance \"b\"").Name.Should().Be("b");
        types.OnInstanceOf(" on instance \"eu-west 2\"").Name.Should().Be("eu-west 2");
        types.OnInstanceOf("").Name.Should().BeNull();
        types.OnInstanceOf(" on instance \"b\"").ToString().Should().Be(" on instance \"b\"");
        default(OnInstance).ToString().Should().BeEmpty();
    }
}
