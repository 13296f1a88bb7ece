using BddWs.ReqnrollPlugin.Reporting;
using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>Contract steps and the per-step contract check, in front of a server that breaks its AsyncAPI contract.</summary>
public sealed class ContractStepFailureTests
{
    /// <summary>A small AsyncAPI 3.0 contract for <c>/ws</c> (where the scripted server listens): the client sends add, the service sends greeting, sum or error.</summary>
    internal const string Contract = """
        asyncapi: 3.0.0
        info: { title: Adder, version: 1.0.0 }
        channels:
          json:
            address: /ws
            messages:
              add: { $ref: '#/components/messages/add' }
              greeting: { $ref: '#/components/messages/greeting' }
              sum: { $ref: '#/components/messages/sum' }
              error: { $ref: '#/components/messages/error' }
        operations:
          takeAdd:
            action: receive
            channel: { $ref: '#/channels/json' }
            messages: [ { $ref: '#/channels/json/messages/add' } ]
          answer:
            action: send
            channel: { $ref: '#/channels/json' }
            messages:
              - $ref: '#/channels/json/messages/greeting'
              - $ref: '#/channels/json/messages/sum'
              - $ref: '#/channels/json/messages/error'
        components:
          messages:
            add:
              payload: { type: object, required: [type, numbers], properties: { type: { const: add }, numbers: { type: array } } }
            greeting:
              payload: { type: object, required: [type, text], properties: { type: { const: greeting }, text: { type: string } } }
            sum:
              payload: { $ref: '#/components/schemas/Sum' }
            error:
              payload: { type: object, required: [type, error], properties: { type: { const: error }, error: { type: string } } }
          schemas:
            Sum: { type: object, required: [type, value], properties: { type: { const: sum }, value: { type: integer } } }
        """;

    private const string WrongSum = "{\"type\":\"sum\",\"value\":\"6\"}";

    [Fact]
    public async Task A_received_message_of_the_wrong_type_breaks_the_contract_and_the_report_marks_it()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => ["{\"type\":\"greeting\",\"text\":\"hi\"}", WrongSum]));
        steps.WriteFile("contracts/json.yaml", Contract);
        steps.Contract.Follows("contracts/json.yaml");
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, "{\"type\":\"add\",\"numbers\":[1,2,3]}");
        await steps.ReceivedAsync(I, 2);

        steps.FollowedContract.CheckNew(steps.Connections.Reported).Should().Equal(
            "Message 2 received on /ws does not fit the contract \"contracts/json.yaml\": it matches none of greeting, sum, error: " +
            "at $.value: value is \"string\" but should be \"integer\" (closest: sum).");
        new Conversation(steps.Values, steps.FollowedContract).NewLines(steps.Connections.Reported)
            .Where(line => line.Contains("breaks the contract", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().StartWith("← received \"" + WrongSum + "\"").And.EndWith(" (breaks the contract)");
        steps.FollowedContract.CheckNew(steps.Connections.Reported).Should().BeEmpty("each message is checked once");
    }

    [Fact]
    public async Task A_sent_message_is_held_to_what_the_service_receives()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => []));
        steps.WriteFile("contracts/json.yaml", Contract);
        steps.Contract.Follows("contracts/json.yaml");
        var bob = new ConnectionName("Bob");
        await steps.Connecting.ConnectTo(bob, "/ws?room=a");
        await steps.Sending.SendText(bob, "{\"type\":\"add\",\"numbers\":[1]}");
        await steps.Sending.SendText(bob, "{\"type\":\"add\"}");
        await steps.Sending.SendText(bob, "add 1 and 2");

        steps.FollowedContract.CheckNew(steps.Connections.Reported).Should().Equal(
            "Message 2 sent by \"Bob\" on /ws does not fit the contract \"contracts/json.yaml\": it does not match add: at $: required properties [\"numbers\"] are not present.",
            "Message 3 sent by \"Bob\" on /ws does not fit the contract \"contracts/json.yaml\": it is not JSON.");
    }

    [Fact]
    public async Task A_connection_to_a_path_without_a_channel_and_binary_messages_are_not_checked()
    {
        // Only the text "anything" is answered, so that the binary message sent later brings no reply.
        await using var steps = await StartAsync(ScriptedServer.Replies(text => text == "anything" ? ["not JSON"] : []));
        steps.WriteFile("contracts/elsewhere.yaml", Contract.Replace("address: /ws", "address: /elsewhere"));
        steps.Contract.Follows("contracts/elsewhere.yaml");
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, "anything");
        await steps.ReceivedAsync(I, 1);
        steps.FollowedContract.CheckNew(steps.Connections.Reported).Should().BeEmpty("the contract has no channel at /ws");

        steps.WriteFile("contracts/json.yaml", Contract);
        steps.Contract.Follows("contracts/json.yaml");
        await steps.Binary.SendHex(I, "01 02");
        steps.FollowedContract.CheckNew(steps.Connections.Reported).Should().BeEmpty("binary messages are not checked");
    }

    [Fact]
    [Fails(typeof(ContractSteps), nameof(ContractSteps.AnyMatches))]
    public async Task A_message_matching_a_contract_message_tells_the_errors_of_the_closest()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => ["hello", WrongSum]));
        steps.WriteFile("contracts/json.yaml", Contract);
        steps.Contract.Follows("contracts/json.yaml");
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 2);

        (await FailureOf(() => steps.Contract.AnyMatches(I, "sum"))).Should().Be(
            "Expected a message matching the contract message \"sum\" within 300 ms, but received 2 messages: [1] \"hello\" [2] \"" + WrongSum + "\"; " +
            "the closest, [2], does not match contract message \"sum\": at $.value: value is \"string\" but should be \"integer\". Connection: open.");
        (await FailureOf(() => steps.Contract.AnyMatches(I, "total", TimeSpan.FromMilliseconds(20)))).Should().Be(
            "The contract \"contracts/json.yaml\" has no message \"total\"; it has: add, greeting, sum, error.");
    }

    [Fact]
    [Fails(typeof(ContractSteps), nameof(ContractSteps.LastMatches))]
    public async Task The_last_message_fails_when_it_breaks_the_contract_message()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => ["{\"type\":\"sum\",\"value\":6}", "{\"type\":\"greeting\"}"]));
        steps.WriteFile("contracts/json.yaml", Contract);
        steps.Contract.Follows("contracts/json.yaml");
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 2);

        (await FailureOf(() => steps.Contract.LastMatches("greeting"))).Should().Be(
            "Expected the last message to match the contract message \"greeting\" (decided after 0 ms of 300 ms), but received 2 messages: " +
            "[1] \"{\"type\":\"sum\",\"value\":6}\" [2] \"{\"type\":\"greeting\"}\"; message 2 does not match contract message \"greeting\": " +
            "at $: required properties [\"text\"] are not present. Connection: open.");
    }

    [Fact]
    [Fails(typeof(ContractSteps), nameof(ContractSteps.LastToMatches))]
    public async Task The_last_message_to_a_named_connection_fails_without_a_contract()
    {
        await using var steps = await ConnectedAsync(_ => []);
        var bob = new ConnectionName("Bob");
        await steps.Connecting.ConnectToEcho(bob);

        (await FailureOf(() => steps.Contract.LastToMatches(bob, "sum"))).Should().Be(
            "No contract names the message \"sum\": start the scenario with Given the service follows the contract \"…\".");
        steps.WriteFile("contracts/json.yaml", Contract);
        steps.Contract.Follows("contracts/json.yaml");
        (await FailureOf(() => steps.Contract.LastToMatches(bob, "sum"))).Should().Be(
            "Expected the last message to match the contract message \"sum\" on \"Bob\" within 300 ms, but received no message. Connection: open.");
    }
}
