using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>JSON Schema steps, in front of a server whose messages break the schema.</summary>
public sealed class JsonSchemaStepFailureTests
{
    private const string Tick = """
        { "type": "object", "required": ["type", "seq"], "properties": { "type": { "const": "tick" }, "seq": { "type": "integer" } } }
        """;

    [Fact]
    [Fails(typeof(JsonSchemaSteps), nameof(JsonSchemaSteps.AnyMatches))]
    public async Task A_message_matching_the_schema_tells_the_errors_of_the_closest()
    {
        await using var steps = await ConnectedAsync(_ => ["hello", "{\"type\":\"tick\",\"seq\":\"1\"}", "{\"kind\":\"tick\"}"]);
        steps.WriteFile("schemas/tick.json", Tick);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 3);

        (await FailureOf(() => steps.JsonSchema.AnyMatches(I, "schemas/tick.json"))).Should().Be(
            "Expected a message matching the JSON schema \"schemas/tick.json\" within 300 ms, but received 3 messages: " +
            "[1] \"hello\" [2] \"{\"type\":\"tick\",\"seq\":\"1\"}\" [3] \"{\"kind\":\"tick\"}\"; " +
            "the closest, [2], does not match schemas/tick.json: at $.seq: value is \"string\" but should be \"integer\". Connection: open.");
        (await FailureOf(() => steps.JsonSchema.AnyMatches(I, "schemas/none.json", TimeSpan.FromMilliseconds(20)))).Should().Be(
            $"There is no file \"schemas/none.json\" next to the feature: looked for {Path.Combine(steps.Files.Folder, "schemas", "none.json")}.");
    }

    [Fact]
    [Fails(typeof(JsonSchemaSteps), nameof(JsonSchemaSteps.LastMatches))]
    public async Task The_last_message_fails_when_it_breaks_the_schema_even_if_an_earlier_one_matched()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"tick\",\"seq\":1}", "{\"type\":\"tock\"}"]);
        steps.WriteFile("tick.json", Tick);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 2);

        (await FailureOf(() => steps.JsonSchema.LastMatches("tick.json"))).Should().Be(
            "Expected the last message to match the JSON schema \"tick.json\" (decided after 0 ms of 300 ms), but received 2 messages: " +
            "[1] \"{\"type\":\"tick\",\"seq\":1}\" [2] \"{\"type\":\"tock\"}\"; message 2 does not match tick.json: " +
            "at $: required properties [\"seq\"] are not present; at $.type: expected \"tick\". Connection: open.");
    }

    [Fact]
    [Fails(typeof(JsonSchemaSteps), nameof(JsonSchemaSteps.LastToMatches))]
    public async Task The_last_message_to_a_named_connection_fails_when_nothing_arrived()
    {
        await using var steps = await ConnectedAsync(_ => []);
        steps.WriteFile("tick.json", Tick);
        var bob = new ConnectionName("Bob");
        await steps.Connecting.ConnectToEcho(bob);

        (await FailureOf(() => steps.JsonSchema.LastToMatches(bob, "tick.json"))).Should().Be(
            "Expected the last message to match the JSON schema \"tick.json\" on \"Bob\" within 300 ms, but received no message. Connection: open.");
    }

    [Fact]
    [Fails(typeof(JsonSchemaSteps), nameof(JsonSchemaSteps.EveryMatches))]
    public async Task Every_message_fails_at_the_first_that_breaks_the_schema()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"tick\",\"seq\":1}", "{\"type\":\"tick\",\"seq\":2.5}", "{\"type\":\"tick\",\"seq\":3}"]);
        steps.WriteFile("tick.json", Tick);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 3);

        (await FailureOf(() => steps.JsonSchema.EveryMatches(I, "tick.json"))).Should().Be(
            "Expected every message to match the JSON schema \"tick.json\" (decided after 0 ms of 300 ms), but received 3 messages: " +
            "[1] \"{\"type\":\"tick\",\"seq\":1}\" [2] \"{\"type\":\"tick\",\"seq\":2.5}\" [3] \"{\"type\":\"tick\",\"seq\":3}\"; " +
            "message 2 does not match tick.json: at $.seq: value is \"number\" but should be \"integer\". Connection: open.");
    }

    [Fact]
    public async Task A_file_that_is_no_schema_stops_the_step_in_one_line()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"id\":1}"]);
        steps.WriteFile("broken.json", "{ \"type\": ");
        steps.WriteFile("wrong.json", "{ \"type\": 5 }");
        steps.WriteFile("schemas/refers.json", "{ \"properties\": { \"id\": { \"$ref\": \"common.json#/$defs/id\" } } }");
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.JsonSchema.EveryMatches(I, "broken.json"))).Should().StartWith("The JSON schema \"broken.json\" is not valid JSON: ");
        (await FailureOf(() => steps.JsonSchema.EveryMatches(I, "wrong.json"))).Should().StartWith("The file \"wrong.json\" is not a valid JSON schema: ");
        (await FailureOf(() => steps.JsonSchema.AnyMatches(I, "schemas/refers.json"))).Should().Be(
            $"The JSON schema \"schemas/refers.json\" refers to {Path.Combine(steps.Files.Folder, "schemas", "common.json")}#/$defs/id, which cannot be found.");
    }

    [Fact]
    public async Task Every_message_passes_once_a_round_trip_brought_none_that_breaks_it()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"tick\",\"seq\":1}", "{\"type\":\"tick\",\"seq\":2}"]);
        steps.WriteFile("tick.json", Tick);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 2);

        await steps.JsonSchema.EveryMatches(I, "tick.json");
        await steps.JsonSchema.LastMatches("tick.json");
        await steps.JsonSchema.AnyMatches(I, "tick.json");
    }
}
