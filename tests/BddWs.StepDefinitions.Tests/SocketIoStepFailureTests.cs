using BddWs.StepDefinitions.Tests.Helpers;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// The Socket.IO sentences in front of the bundled server's Socket.IO endpoint (its <c>/chat</c> namespace), and
/// in front of a hand-written server that breaks the protocol. Each test first waits for what the server sends,
/// so the step's message is the same on a fast machine and a slow one.
/// </summary>
public sealed class SocketIoStepFailureTests
{
    private const string Chat = "/chat";

    private static readonly ConnectionName Ada = new("Ada");
    private static readonly ConnectionName Bob = new("Bob");

    [Fact]
    [Fails(typeof(SocketIoSteps), nameof(SocketIoSteps.ReceivesEvent))]
    [Fails(typeof(SocketIoSteps), nameof(SocketIoSteps.ReceivesEventWhere))]
    [Fails(typeof(SocketIoSteps), nameof(SocketIoSteps.DoesNotReceiveEvent))]
    public async Task An_event_that_did_not_come_lists_the_packets_that_did()
    {
        await using var steps = await BundledAsync();
        await steps.SocketIo.ConnectWithAuth(Ada, Chat, default, Auth("ada"));
        await steps.SocketIo.ConnectWithAuth(Bob, Chat, default, Auth("bob"));
        await steps.SocketIo.EmitWith(Ada, "chat", new("\"hello\""));
        await steps.ReceivedAsync(Bob, 1);

        (await FailureOf(() => steps.SocketIo.ReceivesEvent(Bob, "chat", new("\"ada\", \"hi\"")))).Should().Be(
            "Expected the event \"chat\" with [\"ada\",\"hi\"] on \"Bob\" within 300 ms, but received 1 Socket.IO packet: [1] \"chat\" [\"ada\",\"hello\"]. Connection: open.");
        (await FailureOf(() => steps.SocketIo.ReceivesEventWhere(Bob, TimeSpan.FromMilliseconds(20), "chat", Table(("$[1]", "hi"))))).Should().Be(
            "Expected the event \"chat\" where $[1] is \"hi\" on \"Bob\" within 20 ms, but received 1 Socket.IO packet: [1] \"chat\" [\"ada\",\"hello\"]. Connection: open.");
        (await FailureOf(() => steps.SocketIo.DoesNotReceiveEvent(Bob, "chat", new(TimeSpan.FromMilliseconds(200))))).Should().Be(
            "Expected no event \"chat\" on \"Bob\" (decided after 0 ms of 200 ms), but received 1 Socket.IO packet: [1] \"chat\" [\"ada\",\"hello\"]. Connection: open.");
    }

    [Fact]
    [Fails(typeof(SocketIoSteps), nameof(SocketIoSteps.AcknowledgementIs))]
    public async Task An_acknowledgement_with_other_arguments_or_none_says_what_came()
    {
        await using var steps = await BundledAsync();
        await steps.SocketIo.ConnectWithAuth(I, Chat, default, Auth("ada"));

        (await FailureOf(() => steps.SocketIo.AcknowledgementIs(new("\"ok\"")))).Should().Be(
            "No event asking for an acknowledgement has been emitted in this scenario; emit one first (When I emit \"order\" asking for an acknowledgement with {\"item\":\"book\"}).");

        await steps.SocketIo.EmitAskingWith(I, "order", new("{\"item\": \"book\"}"));
        await steps.ReceivedAsync(I, 1);
        (await FailureOf(() => steps.SocketIo.AcknowledgementIs(new("\"ok\", \"(matching ^A-[0-9]+$)\"")))).Should().Be(
            "Expected the acknowledgement of emit \"order\" [{\"item\":\"book\"}] #1 to be [\"ok\",\"(matching ^A-[0-9]+$)\"], but it was [\"ok\",\"order-1\"]; " +
            "it differs at $[1]: expected (matching ^A-[0-9]+$), received \"order-1\".");

        await steps.SocketIo.EmitAskingWith(I, "chat", new("\"hi\""));
        (await FailureOf(() => steps.SocketIo.AcknowledgementIs(new("\"ok\"")))).Should().Be(
            "Expected the acknowledgement of emit \"chat\" [\"hi\"] #2 within 300 ms, but received 1 Socket.IO packet: [1] ack #1 [\"ok\",\"order-1\"]. Connection: open.");
    }

    [Fact]
    public async Task A_contract_holds_each_event_of_a_namespace_to_its_channel_as_the_list_of_its_arguments()
    {
        await using var steps = await BundledAsync();
        steps.WriteFile("contracts/chat.yaml", """
            asyncapi: 3.0.0
            info: { title: chat, version: 1.0.0 }
            channels:
              chat:
                address: /chat
                messages:
                  said:
                    payload: { type: array, items: [ { type: string }, { type: integer } ] }
                  order:
                    payload: { type: array, items: [ { type: object, required: [item] } ] }
            operations:
              hear: { action: send, channel: { $ref: '#/channels/chat' }, messages: [ { $ref: '#/channels/chat/messages/said' } ] }
              take: { action: receive, channel: { $ref: '#/channels/chat' }, messages: [ { $ref: '#/channels/chat/messages/order' } ] }
            """);
        steps.Contract.Follows("contracts/chat.yaml");
        var bob = new ConnectionName("Bob");
        await steps.SocketIo.ConnectWithAuth(I, Chat, default, Auth("ada"));
        await steps.SocketIo.ConnectWithAuth(bob, Chat, default, Auth("bob"));
        await steps.SocketIo.EmitWith(I, "order", new("{\"item\": \"book\"}"));
        await steps.SocketIo.EmitWith(I, "chat", new("\"hi\""));
        await steps.ReceivedAsync(bob, 1);

        // The order fits what the service takes, a chat line does not; "hi" reaches Bob as ["ada", "hi"], whose second item is no integer.
        steps.FollowedContract.CheckNew(steps.Connections.Reported).Should().Equal(
            "Message 2 sent on /chat does not fit the contract \"contracts/chat.yaml\": it does not match order: at $[0]: value is \"string\" but should be \"object\".",
            "Message 1 received by \"Bob\" on /chat does not fit the contract \"contracts/chat.yaml\": it does not match said: at $[1]: value is \"string\" but should be \"integer\".");
    }

    [Fact]
    [Fails(typeof(SocketIoSteps), nameof(SocketIoSteps.DisconnectedByServer))]
    [Fails(typeof(SocketIoSteps), nameof(SocketIoSteps.DisconnectedByServerFor))]
    public async Task A_disconnect_that_did_not_come_or_came_for_another_reason_says_so()
    {
        await using var steps = await BundledAsync();
        await steps.SocketIo.ConnectWithAuth(I, Chat, default, Auth("ada"));

        (await FailureOf(() => steps.SocketIo.DisconnectedByServer(I))).Should().Be(
            "Expected the server to disconnect within 300 ms, but received no Socket.IO packet. Connection: open.");

        await steps.SocketIo.Emit(I, "leave");
        await steps.ReceivedAsync(I, 1);
        (await FailureOf(() => steps.SocketIo.DisconnectedByServerFor(I, "transport close"))).Should().Be(
            "Expected the server to disconnect with the reason \"transport close\" (decided after 0 ms of 300 ms), but it disconnected with the reason \"io server disconnect\". Connection: open.");
    }

    [Fact]
    [Fails(typeof(SocketIoSteps), nameof(SocketIoSteps.ConnectingFails))]
    [Fails(typeof(SocketIoSteps), nameof(SocketIoSteps.ConnectingFailsWithAuth))]
    public async Task Connecting_to_a_namespace_that_lets_one_in_or_refuses_otherwise_says_so()
    {
        await using var steps = await BundledAsync();

        (await FailureOf(() => steps.SocketIo.ConnectingFails(Chat, default, "Invalid namespace"))).Should().Be(
            "Expected connecting to the Socket.IO namespace \"/chat\" to fail with \"Invalid namespace\", but it failed otherwise: the server refused it: not authorized.");
        (await FailureOf(() => steps.SocketIo.ConnectingFailsWithAuth(Chat, default, "not authorized", Auth("ada")))).Should().Be(
            "Expected connecting to the Socket.IO namespace \"/chat\" to fail with \"not authorized\", but it opened.");
        (await FailureOf(() => steps.SocketIo.ConnectWithAuth(Bob, Chat, default, "{ \"token\": \"guessed\" }"))).Should().Be(
            $"Could not connect to the Socket.IO namespace \"/chat\" at {SocketIoUrl(steps)}: the server refused it: not authorized");
    }

    [Fact]
    public async Task Arguments_and_auth_that_are_not_json_and_values_that_are_not_there_are_refused_in_one_line()
    {
        await using var steps = await BundledAsync();
        (await FailureOf(() => steps.SocketIo.ConnectWithAuth(I, Chat, default, "{ token: 1 }"))).Should().Be(
            "The auth is not valid: 't' is an invalid start of a property name. Expected a '\"', at line 1, character 3.");
        (await FailureOf(() => steps.SocketIo.ConnectWithAuth(I, Chat, default, "\"ada\""))).Should().Be(
            "The auth must be a JSON object, as in { \"token\": \"${TOKEN}\" }; it is \"ada\".");

        await steps.SocketIo.ConnectWithAuth(I, Chat, default, Auth("ada"));
        (await FailureOf(() => steps.SocketIo.EmitWith(I, "chat", new("hi there")))).Should().Be(
            "The arguments of \"chat\" (hi there) are not JSON values separated by commas (write text in double quotes, as in \"ada\", 2, true).");
        (await FailureOf(() => steps.SocketIo.EmitWith(I, "chat", new("\"(any string)\"")))).Should().StartWith("The event \"chat\"");
        FailureOf(() => steps.SocketIo.RememberFromEvent(I, "$[0]", "chat", "said")).Should().Be(
            "Nothing to remember as ${said}: no event \"chat\" has been received.");
    }

    [Fact]
    public async Task A_server_that_breaks_the_protocol_fails_the_waiting_step_in_socket_io_terms_and_is_closed_with_1002()
    {
        await using var steps = await RawAsync(async peer =>
        {
            await peer.SendTextAsync("0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
            await peer.ReadFrameAsync();
            await peer.SendTextAsync("40/chat,{\"sid\":\"c1\"}");
            await peer.SendTextAsync("42/chat,[\"chat\",\"ada\",\"hi\"]");
            await peer.SendTextAsync("4x");
            await peer.ReadUntilAsync(0x8);
            await peer.SendCloseAsync(1002);
        });
        await steps.SocketIo.ConnectWithAuth(I, Chat, default, Auth("ada"));
        await steps.ClosedAsync(I);

        (await FailureOf(() => steps.SocketIo.ReceivesEvent(I, "chat", new("\"ada\", \"bye\"")))).Should().Be(
            "Expected the event \"chat\" with [\"ada\",\"bye\"] (decided after 0 ms of 300 ms), but the server broke the Socket.IO protocol with " +
            "[2] \"4x\", a Socket.IO packet of unknown type \"x\". Connection: closed by client with 1002 ProtocolError.");
    }

    [Fact]
    public async Task A_server_that_does_not_open_with_engine_io_fails_the_connect_in_one_line()
    {
        await using var steps = await RawAsync(async peer =>
        {
            await peer.SendTextAsync("42[\"chat\",\"too early\"]");
            await peer.ReadUntilAsync(0x8);
        });

        (await FailureOf(() => steps.SocketIo.ConnectTo(I, "/"))).Should().Be(
            $"Could not connect to the Socket.IO namespace \"/\" at {SocketIoUrl(steps)}: the server sent \"chat\" [\"too early\"] before the Engine.IO open packet");
    }

    private static string Auth(string name) => $"{{ \"token\": \"chat-secret\", \"name\": \"{name}\" }}";

    private static string SocketIoUrl(StepHarness steps) => new UriBuilder(steps.Url) { Path = "/socket.io/", Query = "EIO=4&transport=websocket" }.Uri.ToString();

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
