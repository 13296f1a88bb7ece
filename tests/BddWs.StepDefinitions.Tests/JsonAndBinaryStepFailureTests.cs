using BddWs.StepDefinitions;
using FluentAssertions;
using Reqnroll;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>JSON and binary steps, in front of a server that answers wrongly.</summary>
public sealed class JsonAndBinaryStepFailureTests
{
    [Fact]
    [Fails(typeof(JsonSteps), nameof(JsonSteps.JsonWhere))]
    public async Task A_json_message_where_fails_on_another_value_a_missing_path_or_no_json()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"user\":{\"name\":\"Bob\"},\"n\":6}", "not json"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 2);

        (await FailureOf(() => steps.Json.JsonWhere(I, "$.user.name", "Ada"))).Should().Be(
            "Expected a message in JSON where $.user.name is \"Ada\" within 300 ms, but received 2 messages: " +
            "[1] \"{\"user\":{\"name\":\"Bob\"},\"n\":6}\" [2] \"not json\". Connection: open.");
        (await FailureOf(() => steps.Json.JsonWhere(I, "$.n", "\"6\"", TimeSpan.FromMilliseconds(20)))).Should()
            .StartWith("Expected a message in JSON where $.n is \"\"6\"\" within 20 ms");
        (await FailureOf(() => steps.Json.JsonWhere(I, "$.user.email", "x"))).Should().StartWith("Expected a message in JSON where $.user.email is \"x\"");
        (await FailureOf(() => steps.Json.JsonWhere(I, "$.user.name", "Bob\n"))).Should().StartWith("Expected a message in JSON where $.user.name is \"Bob\\n\" within");
        (await FailureOf(() => steps.Json.JsonWhere(I, "user..name", "x"))).Should().Be(
            "\"user..name\" is not a JSON path; write it like $.user.name, $.items[0].id or $['a key'].");
    }

    [Fact]
    [Fails(typeof(JsonSteps), nameof(JsonSteps.JsonTable))]
    public async Task A_json_message_with_a_table_fails_when_one_row_differs()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"greeting\",\"to\":{\"name\":\"Bob\"}}"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);
        var table = new DataTable("path", "value");
        table.AddRow("$.type", "greeting");
        table.AddRow("$.to.name", "Ada");

        (await FailureOf(() => steps.Json.JsonTable(I, default, table))).Should().StartWith(
            "Expected a message in JSON where $.type is \"greeting\" and $.to.name is \"Ada\" within 300 ms, but received 1 message");
        (await FailureOf(() => steps.Json.JsonTable(I, default, new DataTable("path", "expected")))).Should().Be(
            "The table needs the columns \"path\" and \"value\"; it has: path, expected.");
    }

    [Fact]
    public async Task Invalid_json_to_send_is_refused_before_anything_is_sent()
    {
        await using var steps = await ConnectedAsync(_ => []);

        (await FailureOf(() => steps.Json.SendJson(I, "{ \"a\": "))).Should().StartWith("The JSON to send is not valid:");
        (await FailureOf(() => steps.Json.SendJson(I, "{ \"type\": greet }"))).Should().Be(
            "The JSON to send is not valid: 'g' is an invalid start of a value, at line 1, character 11.");
        steps.Connections.Default.Log.Snapshot().Should().ContainSingle("only the open event, nothing sent");
    }

    [Fact]
    [Fails(typeof(BinarySteps), nameof(BinarySteps.ReceiveHex))]
    public async Task The_bytes_fail_when_the_server_answers_with_text()
    {
        await using var steps = await ConnectedAsync(_ => ["01 02"]);
        await steps.Binary.SendHex(I, "01 02");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.Binary.ReceiveHex(I, "01 02"))).Should().Be(
            "Expected a message of binary bytes 01 02 within 300 ms, but received 1 message: [1] \"01 02\". Connection: open.");
        (await FailureOf(() => steps.Binary.ReceiveHex(I, "zz", TimeSpan.FromMilliseconds(10)))).Should().Be(
            "\"zz\" is not hexadecimal bytes; write them like \"01 02 ff\".");
    }
}
