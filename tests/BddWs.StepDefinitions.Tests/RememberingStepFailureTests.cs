using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>Remembering a value where the server sent none, or something else than the feature expects.</summary>
public sealed class RememberingStepFailureTests
{
    private const string Order = "{\"type\":\"order\",\"order\":{\"id\":\"o-1\",\"quantity\":2},\"accessToken\":\"t-9\"}";

    [Fact]
    public async Task Values_are_remembered_from_the_last_the_next_and_the_matched_message()
    {
        await using var steps = await ConnectedAsync(text => text == "two" ? ["{\"seq\":1}", Order] : [Order]);
        await steps.Sending.SendText(I, "two");
        await steps.Remembering.FromNextMessage(I, "$.seq", "first");
        await steps.ReceivedAsync(I, 2);
        steps.Remembering.FromLastMessage(I, "$.order.quantity", "quantity");
        await steps.Receiving.MessageContaining(I, "seq");
        steps.Remembering.FromMatchedMessage(I, "$", "whole");
        steps.Remembering.FromLastMessage(I, "$.order", "order");
        steps.Remembering.FromLastMessage(I, "$.accessToken", "t");

        steps.Values.Expand("${first} ${quantity} ${whole} ${order}").Should().Be("1 2 {\"seq\":1} {\"id\":\"o-1\",\"quantity\":2}");
        steps.Values.Mask("t-9").Should().Be("***", "a field named like a credential is a secret");
    }

    [Fact]
    [Fails(typeof(RememberingSteps), nameof(RememberingSteps.FromLastMessage))]
    public async Task Remembering_from_the_last_message_fails_when_it_lacks_the_path_is_not_JSON_or_there_is_none()
    {
        await using var steps = await ConnectedAsync(text => text == "json" ? ["{\"type\":\"pong\"}"] : ["pong"]);
        FailureOf(() => steps.Remembering.FromLastMessage(I, "$.id", "orderId")).Should().Be(
            "Nothing to remember as ${orderId}: no message has arrived.");

        await steps.Sending.SendText(I, "json");
        await steps.ReceivedAsync(I, 1);
        FailureOf(() => steps.Remembering.FromLastMessage(I, "$.id", "orderId")).Should().Be(
            "Nothing to remember as ${orderId}: the last message has no $.id: \"{\"type\":\"pong\"}\".");

        await steps.Sending.SendText(I, "text");
        await steps.ReceivedAsync(I, 2);
        FailureOf(() => steps.Remembering.FromLastMessage(I, "$.id", "orderId")).Should().Be(
            "Nothing to remember as ${orderId}: the last message is not JSON: \"pong\".");
    }

    [Fact]
    [Fails(typeof(RememberingSteps), nameof(RememberingSteps.FromNextMessage))]
    public async Task Remembering_from_the_next_message_fails_when_none_comes()
    {
        await using var steps = await ConnectedAsync(_ => []);

        (await FailureOf(() => steps.Remembering.FromNextMessage(I, "$.id", "orderId"))).Should().Be(
            "Expected the next message (message 1) of any kind within 300 ms, but received no message. Connection: open.");
    }

    [Fact]
    [Fails(typeof(RememberingSteps), nameof(RememberingSteps.FromMatchedMessage))]
    public async Task Remembering_from_the_matched_message_fails_before_any_expectation_matched()
    {
        await using var steps = await ConnectedAsync(_ => [Order]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);

        FailureOf(() => steps.Remembering.FromMatchedMessage(I, "$.order.id", "orderId")).Should().Be(
            "Nothing to remember as ${orderId}: no expectation has matched a message yet.");
    }

    [Fact]
    [Fails(typeof(RememberingSteps), nameof(RememberingSteps.FromHandshakeHeader))]
    public async Task Remembering_a_handshake_header_fails_naming_the_headers_there_were()
    {
        await using var steps = await ConnectedAsync(_ => []);

        FailureOf(() => steps.Remembering.FromHandshakeHeader(I, "X-Session-Id", "session")).Should().Be(
            "Nothing to remember as ${session}: the handshake answer has no header \"X-Session-Id\"; it had: Connection, Date, Sec-WebSocket-Accept, Server, Upgrade.");
    }

    [Fact]
    [Fails(typeof(RememberingSteps), nameof(RememberingSteps.Text))]
    [Fails(typeof(RememberingSteps), nameof(RememberingSteps.UniqueId))]
    [Fails(typeof(RememberingSteps), nameof(RememberingSteps.CurrentTime))]
    public void Generated_and_written_values_fail_only_for_a_name_that_cannot_be_written_as_a_reference()
    {
        var steps = new RememberingSteps(null!, new BddWs.Driver.Values.ScenarioValues(), null!);
        const string Refused = "\"order id\" cannot be the name of a remembered value: use letters, digits and _ (starting with a letter or _), as in \"orderId\".";

        FailureOf(() => steps.Text("x", "order id")).Should().Be(Refused);
        FailureOf(() => steps.UniqueId("order id")).Should().Be(Refused);
        FailureOf(() => steps.CurrentTime("order id")).Should().Be(Refused);
    }

    [Fact]
    public void Generated_values_differ_and_the_time_reads_as_ISO_8601()
    {
        var values = new BddWs.Driver.Values.ScenarioValues();
        var steps = new RememberingSteps(null!, values, null!);
        steps.UniqueId("a");
        steps.UniqueId("b");
        steps.CurrentTime("now");

        values.Expand("${a}").Should().NotBe(values.Expand("${b}")).And.MatchRegex("^[0-9a-f-]{36}$");
        values.Expand("${now}").Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
    }
}
