using BddWs.StepDefinitions;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>Ignoring, skipping and "nothing more", in front of a server that says too much or the wrong thing.</summary>
public sealed class NoiseStepFailureTests
{
    private const string Heartbeat = "{\"type\":\"heartbeat\"}";

    [Fact]
    [Fails(typeof(NoiseSteps), nameof(NoiseSteps.NoFurtherMessage))]
    public async Task No_further_message_fails_when_one_follows_the_reply_and_ignores_heartbeats()
    {
        // "go" makes the server speak again after the step has begun, so the extra message is further by construction.
        await using var steps = await ConnectedAsync(text => text == "go" ? [Heartbeat, "again"] : text == "beat" ? [Heartbeat] : ["answer"]);
        steps.Noise.IgnoreWhere(I, "$.type", "heartbeat");
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);
        await steps.Sending.SendText(I, "beat");
        await steps.Noise.NoFurtherMessage(I, TimeSpan.FromMilliseconds(100));

        var failing = FailureOf(() => steps.Noise.NoFurtherMessage(I, Patience.MustHappen));
        await steps.Sending.SendText(I, "go");

        (await failing).Should().Be(
            "Expected no further message within 30s of the last message sent, \"beat\", but received 2 messages: [1] \"answer\" [2] \"again\" " +
            "(besides 2 ignored messages: messages in JSON where $.type is \"heartbeat\"). Connection: open.");
    }

    [Fact]
    public async Task No_further_message_counts_from_the_opening_when_nothing_arrived()
    {
        await using var steps = await ConnectedAsync(_ => ["hello"]);
        var failing = FailureOf(() => steps.Noise.NoFurtherMessage(I, Patience.MustHappen));
        await steps.Sending.SendText(I, "x");

        (await failing).Should().Be(
            "Expected no message within 30s of the opening, but received 1 message: [1] \"hello\". Connection: open.");
    }

    [Fact]
    [Fails(typeof(NoiseSteps), nameof(NoiseSteps.NextWhere))]
    [Fails(typeof(NoiseSteps), nameof(NoiseSteps.NextToWhere))]
    public async Task The_next_message_where_skips_others_and_fails_when_none_is_left()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"tick\",\"seq\":1}", "{\"type\":\"sum\",\"value\":6}", "{\"type\":\"tick\",\"seq\":2}"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 3);
        await steps.Noise.NextWhere("$.type", "sum");

        (await FailureOf(() => steps.Noise.NextToWhere(I, "$.type", "sum"))).Should().Be(
            "Expected a message in JSON where $.type is \"sum\" after message 2 within 300 ms, but received 3 messages: " +
            "[1] \"{\"type\":\"tick\",\"seq\":1}\" [2] \"{\"type\":\"sum\",\"value\":6}\" [3] \"{\"type\":\"tick\",\"seq\":2}\". Connection: open.");
        // The skipped message stays in the record; the walk goes on after the one that matched.
        await steps.Receiving.NextContains("\"seq\":2");
    }

    [Fact]
    [Fails(typeof(NoiseSteps), nameof(NoiseSteps.NextMatching))]
    [Fails(typeof(NoiseSteps), nameof(NoiseSteps.NextToMatching))]
    public async Task The_next_message_matching_skips_others_and_fails_when_none_is_left()
    {
        await using var steps = await ConnectedAsync(_ => ["ping 1", "Message text was: A", "ping 2"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 3);
        await steps.Noise.NextMatching("^Message");

        (await FailureOf(() => steps.Noise.NextToMatching(I, "^Message"))).Should().Be(
            "Expected a message matching /^Message/ after message 2 within 300 ms, but received 3 messages: " +
            "[1] \"ping 1\" [2] \"Message text was: A\" [3] \"ping 2\". Connection: open.");
        (await FailureOf(() => steps.Noise.NextMatching("("))).Should().StartWith("\"(\" is not a valid regular expression");
    }

    [Fact]
    public async Task Ignored_messages_are_left_out_of_counts_positions_and_next()
    {
        await using var steps = await ConnectedAsync(_ => ["ping 1", "one", "ping 2", "two"]);
        steps.Noise.IgnoreMatching(I, "^ping \\d+$");
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 2);
        await steps.Receiving.NextIs("one");
        await steps.Receiving.NextIs("two");
        await steps.Receiving.NthIs(new Position(2), "two");
        await steps.Receiving.ExactCount(I, 2);

        (await FailureOf(() => steps.Receiving.ExactCount(I, 4, TimeSpan.FromMilliseconds(50)))).Should().Be(
            "Expected exactly 4 messages within 50 ms, but received 2 messages: [1] \"one\" [2] \"two\" " +
            "(besides 2 ignored messages: messages matching /^ping \\d+$/). Connection: open.");
        steps.Connections.Default.Log.Snapshot().Should().HaveCount(6, "open, the message sent and all four received stay in the record");
    }

    [Fact]
    public async Task An_ignore_rule_that_cannot_be_read_says_why()
    {
        await using var steps = await ConnectedAsync(_ => []);

        FailureOf(() => steps.Noise.IgnoreMatching(I, "[")).Should().StartWith("\"[\" is not a valid regular expression");
        FailureOf(() => steps.Noise.IgnoreWhere(I, "a..b", "x")).Should().Be(
            "\"a..b\" is not a JSON path; write it like $.user.name, $.items[0].id or $['a key'].");
    }
}
