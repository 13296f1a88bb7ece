using BddWs.StepDefinitions;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>Counts and sequences by content, in front of a server that sends too many, too few or out of order.</summary>
public sealed class CountingStepFailureTests
{
    private const string Tick1 = "{\"type\":\"tick\",\"seq\":1}";
    private const string Tick2 = "{\"type\":\"tick\",\"seq\":2}";
    private const string Sum = "{\"type\":\"sum\",\"value\":6}";

    [Fact]
    [Fails(typeof(CountingSteps), nameof(CountingSteps.ExactCountWhere))]
    public async Task Exactly_n_messages_where_fails_on_too_many_and_too_few()
    {
        await using var steps = await ConnectedAsync(_ => [Tick1, Sum, Tick2]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 3);
        await steps.Counting.ExactCountWhere(I, 2, "$.type", "tick");

        (await FailureOf(() => steps.Counting.ExactCountWhere(I, 1, "$.type", "tick"))).Should().MatchRegex(
            @"^Expected exactly 1 message in JSON where \$\.type is ""tick"" \(decided after \d+ ms of 300 ms\), but received 3 messages: " +
            @"\[1\] ""\{""type"":""tick"",""seq"":1\}"" \[2\] ""\{""type"":""sum"",""value"":6\}"" \[3\] ""\{""type"":""tick"",""seq"":2\}""; " +
            @"2 messages are in JSON where \$\.type is ""tick"": \[1\] and \[3\]\. Connection: open\.$");
        (await FailureOf(() => steps.Counting.ExactCountWhere(I, 3, "$.type", "tick", TimeSpan.FromMilliseconds(50)))).Should().Be(
            $"Expected exactly 3 messages in JSON where $.type is \"tick\" within 50 ms, but received 3 messages: [1] \"{Tick1}\" [2] \"{Sum}\" [3] \"{Tick2}\"; " +
            "2 messages are in JSON where $.type is \"tick\": [1] and [3]. Connection: open.");
    }

    [Fact]
    [Fails(typeof(CountingSteps), nameof(CountingSteps.ExactCountMatching))]
    public async Task Exactly_n_messages_matching_fails_on_too_many_and_too_few()
    {
        await using var steps = await ConnectedAsync(_ => ["ping 1", "pong", "ping 2"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 3);
        await steps.Counting.ExactCountMatching(I, 2, "^ping");

        (await FailureOf(() => steps.Counting.ExactCountMatching(I, 1, "^ping"))).Should().MatchRegex(
            @"^Expected exactly 1 message matching /\^ping/ \(decided after \d+ ms of 300 ms\), but received 3 messages: \[1\] ""ping 1"" \[2\] ""pong"" \[3\] ""ping 2""; 2 messages are matching /\^ping/: \[1\] and \[3\]\. Connection: open\.$");
        (await FailureOf(() => steps.Counting.ExactCountMatching(I, 3, "^ping", TimeSpan.FromMilliseconds(50)))).Should().Be(
            "Expected exactly 3 messages matching /^ping/ within 50 ms, but received 3 messages: [1] \"ping 1\" [2] \"pong\" [3] \"ping 2\"; 2 messages are matching /^ping/: [1] and [3]. Connection: open.");
    }

    [Fact]
    [Fails(typeof(CountingSteps), nameof(CountingSteps.RunsFrom))]
    public async Task A_run_of_values_names_its_first_break()
    {
        await using var steps = await ConnectedAsync(_ => [Tick1, Sum, Tick2, "{\"type\":\"tick\",\"seq\":4}"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 4);

        (await FailureOf(() => steps.Counting.RunsFrom(I, "$.seq", 1, 4))).Should().MatchRegex(
            @"^Expected messages where \$\.seq runs from 1 to 4 \(decided after \d+ ms of 300 ms\), but received 4 messages: .*; " +
            @"message 4 has \$\.seq 4 where 3 was due\. Connection: open\.$");
        (await FailureOf(() => steps.Counting.RunsFrom(I, "$.seq", 1, 1))).Should().EndWith(
            "; message 3 has $.seq 2 after the last, 1. Connection: open.");
        (await FailureOf(() => steps.Counting.RunsFrom(I, "$.seq", 3, 1))).Should().EndWith(
            "; message 1 has $.seq 1 where 3 was due. Connection: open.");
        (await FailureOf(() => steps.Counting.RunsFrom(I, "$.value", 6, 9, TimeSpan.FromMilliseconds(50)))).Should().Be(
            $"Expected messages where $.value runs from 6 to 9 within 50 ms, but received 4 messages: [1] \"{Tick1}\" [2] \"{Sum}\" [3] \"{Tick2}\" " +
            "[4] \"{\"type\":\"tick\",\"seq\":4}\"; $.value reached 6 in message 2, 1 value of 4. Connection: open.");
        (await FailureOf(() => steps.Counting.RunsFrom(I, "$.id", 1, 2, TimeSpan.FromMilliseconds(50)))).Should().EndWith(
            "; no message had $.id. Connection: open.");
    }

    [Fact]
    [Fails(typeof(CountingSteps), nameof(CountingSteps.Rises))]
    public async Task Rising_values_name_the_first_that_does_not_rise()
    {
        await using var steps = await ConnectedAsync(text => text == "x"
            ? ["{\"seq\":1}", "{\"seq\":3}", "{\"seq\":3}"]
            : ["{\"n\":1}", "{\"n\":\"two\"}", "{\"m\":5}"]);
        await steps.Sending.SendText(I, "x");
        await steps.Sending.SendText(I, "y");
        await steps.ReceivedAsync(I, 6);

        (await FailureOf(() => steps.Counting.Rises(I, "$.seq"))).Should().MatchRegex(
            @"^Expected messages where \$\.seq rises \(decided after \d+ ms of 300 ms\), but received 6 messages: .*; message 3 has \$\.seq 3, not above 3 in message 2\. Connection: open\.$");
        (await FailureOf(() => steps.Counting.Rises(I, "$.n"))).Should().EndWith("; message 5 has $.n \"two\", not a number. Connection: open.");
        (await FailureOf(() => steps.Counting.Rises(I, "$.m"))).Should().Be(
            "Expected messages where $.m rises within 300 ms, but received 6 messages: [1] \"{\"seq\":1}\" [2] \"{\"seq\":3}\" [3] \"{\"seq\":3}\" " +
            "[4] \"{\"n\":1}\" [5] \"{\"n\":\"two\"}\" [6] \"{\"m\":5}\"; only 1 message had $.m. Connection: open.");
    }
}
