using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>JSON document steps, in front of a server that answers with the wrong document.</summary>
public sealed class JsonDocumentStepFailureTests
{
    private const string Created = "{\"type\":\"order.created\",\"order\":{\"id\":\"A-7\",\"quantity\":\"2\"}}";

    [Fact]
    [Fails(typeof(JsonDocumentSteps), nameof(JsonDocumentSteps.Containing))]
    public async Task A_json_message_containing_names_the_first_path_of_the_closest_message_that_differs()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"tick\"}", Created]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 2);

        (await FailureOf(() => steps.JsonDocument.Containing(I, default, "{ \"type\": \"order.created\", \"order\": { \"quantity\": 2 } }"))).Should().Be(
            "Expected a message in JSON containing {\"type\":\"order.created\",\"order\":{\"quantity\":2}} within 300 ms, but received 2 messages: " +
            "[1] \"{\"type\":\"tick\"}\" [2] \"{\"type\":\"order.created\",\"order\":{\"id\":\"A-7\",\"quantity\":\"2\"}}\"; " +
            "the closest, [2], differs at $.order.quantity: expected 2, received \"2\". Connection: open.");
        (await FailureOf(() => steps.JsonDocument.Containing(I, TimeSpan.FromMilliseconds(20), "{\"order\":{\"id\":\"(any)\",\"price\":\"(any number)\"}}"))).Should().Be(
            "Expected a message in JSON containing {\"order\":{\"id\":\"(any)\",\"price\":\"(any number)\"}} within 20 ms, but received 2 messages: " +
            "[1] \"{\"type\":\"tick\"}\" [2] \"{\"type\":\"order.created\",\"order\":{\"id\":\"A-7\",\"quantity\":\"2\"}}\"; " +
            "the closest, [2], differs: $.order.price is missing, expected (any number). Connection: open.");
        steps.Values.Names.Should().BeEmpty();
    }

    [Fact]
    [Fails(typeof(JsonDocumentSteps), nameof(JsonDocumentSteps.EqualTo))]
    public async Task A_json_message_equal_to_fails_on_a_field_more()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"greeting\",\"to\":{\"name\":\"Ada\",\"note\":\"hi\"}}"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.JsonDocument.EqualTo(I, default, "{\"to\":{\"name\":\"Ada\"},\"type\":\"greeting\"}"))).Should().Be(
            "Expected a message in JSON equal to {\"to\":{\"name\":\"Ada\"},\"type\":\"greeting\"} within 300 ms, but received 1 message: " +
            "[1] \"{\"type\":\"greeting\",\"to\":{\"name\":\"Ada\",\"note\":\"hi\"}}\"; [1] differs: $.to.note was not expected, received \"hi\". Connection: open.");
        (await FailureOf(() => steps.JsonDocument.EqualTo(I, TimeSpan.FromMilliseconds(20), "{\"type\": greeting}"))).Should().Be(
            "The expected JSON is not valid: 'g' is an invalid start of a value, at line 1, character 10.");
    }

    [Fact]
    [Fails(typeof(JsonDocumentSteps), nameof(JsonDocumentSteps.NextEqualTo))]
    [Fails(typeof(JsonDocumentSteps), nameof(JsonDocumentSteps.NextContaining))]
    public async Task The_next_json_message_fails_on_an_array_of_another_length()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"sum\",\"of\":[1,2,3]}", "{\"type\":\"tick\",\"seq\":\"one\"}"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 2);

        (await FailureOf(() => steps.JsonDocument.NextEqualTo(default, "{\"type\":\"sum\",\"of\":[1,2]}"))).Should().Be(
            "Expected the next message (message 1) in JSON equal to {\"type\":\"sum\",\"of\":[1,2]} (decided after 0 ms of 300 ms), but received 2 messages: " +
            "[1] \"{\"type\":\"sum\",\"of\":[1,2,3]}\" [2] \"{\"type\":\"tick\",\"seq\":\"one\"}\"; [1] differs: $.of has 3 elements, expected 2. Connection: open.");
        await steps.JsonDocument.NextContaining(default, "{\"of\":[1,2,3]}");
        (await FailureOf(() => steps.JsonDocument.NextContaining(default, "{\"seq\":\"(any number)\"}"))).Should().Be(
            "Expected the next message (message 2) in JSON containing {\"seq\":\"(any number)\"} (decided after 0 ms of 300 ms), but received 2 messages: " +
            "[1] \"{\"type\":\"sum\",\"of\":[1,2,3]}\" [2] \"{\"type\":\"tick\",\"seq\":\"one\"}\"; [2] differs at $.seq: expected (any number), received \"one\". Connection: open.");
    }

    [Fact]
    [Fails(typeof(JsonDocumentSteps), nameof(JsonDocumentSteps.NextToEqualTo))]
    [Fails(typeof(JsonDocumentSteps), nameof(JsonDocumentSteps.NextToContaining))]
    public async Task The_next_json_message_to_a_named_connection_fails_on_another_value()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => ["{\"seq\":1.5}"]));
        var bob = new ConnectionName("Bob");
        await steps.Connecting.ConnectToEcho(bob);
        await steps.Sending.SendText(bob, "x");
        await steps.ReceivedAsync(bob, 1);

        (await FailureOf(() => steps.JsonDocument.NextToEqualTo(bob, default, "{\"seq\":1}"))).Should().Be(
            "Expected the next message (message 1) in JSON equal to {\"seq\":1} on \"Bob\" (decided after 0 ms of 300 ms), but received 1 message: " +
            "[1] \"{\"seq\":1.5}\"; [1] differs at $.seq: expected 1, received 1.5. Connection: open.");
        (await FailureOf(() => steps.JsonDocument.NextToContaining(bob, default, "{\"seq\":\"(missing)\"}"))).Should().Be(
            "Expected the next message (message 1) in JSON containing {\"seq\":\"(missing)\"} on \"Bob\" (decided after 0 ms of 300 ms), but received 1 message: " +
            "[1] \"{\"seq\":1.5}\"; [1] differs at $.seq: expected (missing), received 1.5. Connection: open.");
    }

    [Fact]
    public async Task A_matching_message_remembers_its_placeholders_and_a_known_value_can_be_required()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"login\",\"user\":{\"id\":42},\"session\":{\"token\":\"t-9\"}}"]);
        await steps.Sending.SendText(I, "x");

        await steps.JsonDocument.Containing(I, default, "{\"user\":{\"id\":\"(remember userId)\"},\"session\":{\"token\":\"(remember session)\"}}");

        steps.Values.Expand("${userId}/${session}").Should().Be("42/t-9");
        steps.Values.Mask("t-9").Should().Be("***", "a token's value is secret");
        await steps.JsonDocument.EqualTo(I, default, steps.Values.Expand("{\"type\":\"login\",\"user\":{\"id\":${userId}},\"session\":{\"token\":\"${session}\"}}"));
    }
}
