using BddWs.Driver.Hubs;
using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Reqnroll;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// The placeholders mean the same in every expected JSON value (documents, tables, one-line values,
/// HTTP responses), are never compared as text, and are refused where they cannot apply.
/// </summary>
public sealed class PlaceholderTests
{
    private const string Login = "{\"access_token\":\"eyJ.abc\",\"scheme\":\"Bearer\",\"expires_in\":3600,\"id\":\"o-12\",\"note\":null}";

    private static DataTable Table(params (string Path, string Value)[] rows)
    {
        var table = new DataTable("path", "value");
        foreach (var (path, value) in rows)
        {
            table.AddRow(path, value);
        }

        return table;
    }

    [Fact]
    public async Task Placeholders_in_a_message_table_and_a_one_line_value_are_read_as_placeholders()
    {
        await using var steps = await ConnectedAsync(_ => [Login]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);

        await steps.Json.JsonTable(I, default, Table(("$.access_token", "(any string)"), ("$.expires_in", "(any number)"), ("$.note", "(present)"),
            ("$.id", "(matching ^o-\\d+$)"), ("$.expires_in", "(matching ^36)"), ("$.error", "(missing)"), ("$.scheme", "(remember kind)")));
        await steps.Json.JsonWhere(I, "$.note", "(any)");
        await steps.JsonDocument.Containing(I, default, "{ \"id\": \"(matching ^o-)\", \"note\": \"(present)\", \"expires_in\": \"(matching ^\\\\d+$)\" }");
        await steps.Json.JsonWhere(I, "$.id", "(remember id)");

        steps.Values.Expand("${kind} ${id}").Should().Be("Bearer o-12");
        (await FailureOf(() => steps.Json.JsonTable(I, default, Table(("$.access_token", "(any string)"), ("$.expires_in", "(any string)"))))).Should().Be(
            "Expected a message in JSON where $.access_token is (any string) and $.expires_in is (any string) within 300 ms, but received 1 message: " +
            $"[1] \"{Login}\". Connection: open.");
        (await FailureOf(() => steps.Json.JsonWhere(I, "$.error", "(present)"))).Should().StartWith(
            "Expected a message in JSON where $.error is (present) within 300 ms, but received 1 message");
        (await FailureOf(() => steps.JsonDocument.Containing(I, default, "{ \"error\": \"(present)\" }"))).Should().EndWith(
            "; [1] differs: $.error is missing, expected (present). Connection: open.");
        (await FailureOf(() => steps.Json.JsonWhere(I, "$.id", "(matching ^x)"))).Should().StartWith(
            "Expected a message in JSON where $.id is (matching ^x) within 300 ms, but received 1 message");
    }

    [Fact]
    public async Task A_misspelt_placeholder_or_a_bad_pattern_stops_the_step_before_any_wait()
    {
        await using var steps = await ConnectedAsync(_ => [Login]);

        (await FailureOf(() => steps.Json.JsonWhere(I, "$.id", "(present value)"))).Should().Be(
            "\"(present value)\" is not a placeholder: write (any), (present), (any string), (any number), (matching regular expression), (missing) or (remember name), with a name of letters, digits and _.");
        (await FailureOf(() => steps.Json.JsonTable(I, default, Table(("$.id", "(matching [a-)"))))).Should().Be(
            "\"(matching [a-)\" is not a placeholder: [a- is not a valid regular expression (Invalid pattern '[a-' at offset 3. Unterminated [] set).");
    }

    [Fact]
    public async Task Placeholders_are_refused_where_they_cannot_apply()
    {
        await using var steps = await ConnectedAsync(_ => [Login]);

        (await FailureOf(() => steps.Json.SendJson(I, "{ \"token\": \"(any string)\" }"))).Should().Be(
            "The JSON to send holds the placeholder \"(any string)\": a placeholder stands only in an expected value; write the value to send.");
        (await FailureOf(() => steps.Json.SendJsonTable(I, Table(("type", "greet"), ("to.id", "(any)"))))).Should().Be(
            "The value of to.id to send holds the placeholder \"(any)\": a placeholder stands only in an expected value; write the value to send.");
        (await FailureOf(() => steps.Receiving.MessageEqualTo(I, "(any)"))).Should().Be(
            "\"(any)\" is a placeholder, and a message's exact text is compared letter by letter: a placeholder stands only in an expected JSON value.");
        FailureOf(() => steps.Noise.IgnoreWhere(I, "$.n", "(remember n)")).Should().Be(
            "$.n is (remember n) cannot remember here: this sentence keeps no value; remember it afterwards from the message that matched.");
        steps.Connections.Default.Log.Snapshot().Where(e => e is Driver.MessageEvent { Direction: Driver.MessageDirection.Sent }).Should().BeEmpty();
    }

    [Fact]
    public async Task Placeholders_in_a_hub_call_table_are_read_and_refused_in_a_call_sent()
    {
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");

        (await FailureOf(() => steps.HubInvocation.Invoke(I, HubCall.Parse("SendMessage(\"(any string)\", \"hi\")")))).Should().Be(
            "The call SendMessage(\"(any string)\", \"hi\") holds the placeholder \"(any string)\": a placeholder stands only in an expected value; write the value to send.");
        await steps.HubInvocation.Invoke(I, HubCall.Parse("SendMessage(\"Ada\", \"hi 42\")"));
        await steps.HubMessage.ReceivesCallWhere(I, default, "ReceiveMessage", Table(("$[0]", "(any string)"), ("$[1]", "(matching ^hi \\d+$)"), ("$[2]", "(missing)")));

        // The completion of SendMessage may come before the step or after it: the start of the message is what is certain.
        (await FailureOf(() => steps.HubMessage.ReceivesCallWhere(I, default, "ReceiveMessage", Table(("$[1]", "(any number)"))))).Should()
            .StartWith("Expected a call to ReceiveMessage where $[1] is (any number) within 300 ms, but received ").And.Contain("ReceiveMessage(\"Ada\", \"hi 42\")");
        (await FailureOf(() => steps.HubMessage.ReceivesCallWhere(I, default, "ReceiveMessage", Table(("$[0]", "(remember user)"))))).Should().Be(
            "$[0] is (remember user) cannot remember here: this sentence keeps no value; remember it afterwards from the message that matched.");
    }

    [Fact]
    public async Task Placeholders_in_an_http_response_value_and_table_are_read_as_placeholders()
    {
        await using var server = await HttpFake.AnsweringAsync(200, Login);
        await using var steps = await ForHttpAsync(server.Url);
        await steps.HttpSteps.Send(HttpMethod.Post, "/login");

        steps.HttpSteps.JsonIs("$.access_token", "(any string)");
        steps.HttpSteps.JsonTable(Table(("$.expires_in", "(any number)"), ("$.id", "(matching ^o-\\d+$)"), ("$.note", "(present)"), ("$.access_token", "(remember token)")));

        steps.Values.Expand("${token}").Should().Be("eyJ.abc");
        steps.Values.Mask("eyJ.abc").Should().Be("***");
        FailureOf(() => steps.HttpSteps.HeaderIs("Location", "(present)")).Should().Be(
            "\"(present)\" is a placeholder, and a header's value is compared letter by letter: a placeholder stands only in an expected JSON value.");
        FailureOf(() => steps.HttpSteps.JsonTable(Table(("$.access_token", "(any string)"), ("$.expires_in", "(any string)"), ("$.error", "(present)")))).Should().Be(
            $"Expected the response to POST {server.Url}login to be JSON where $.access_token is (any string) and $.expires_in is (any string) and $.error is (present), " +
            "but $.expires_in is 3600, and it has no $.error (200 OK: {\"access_token\":\"***\",\"scheme\":\"Bearer\",\"expires_in\":3600,\"id\":\"o-12\",\"note\":null}).");
    }
}
