using System.Diagnostics;
using System.Text;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// "Exactly N" and "the events …" never pass by being early: a message still on its way when the
/// count is first reached is waited for by a round trip (a ping and its pong) before the verdict.
/// </summary>
public sealed class LateMessageTests
{
    /// <summary>
    /// Echoes each text, but holds the reply to the third until it reads a ping: the latest a
    /// reply can arrive and still be owed to the client. It answers the ping after the held reply.
    /// </summary>
    private static Func<RawPeer, Task> HoldsTheThirdReplyUntilAPing(bool answersPings = true) => async peer =>
    {
        var texts = 0;
        string? held = null;
        while (true)
        {
            var (opcode, payload) = await peer.ReadFrameAsync();
            switch (opcode)
            {
                case 0x1 when ++texts == 3:
                    held = Encoding.UTF8.GetString(payload);
                    break;
                case 0x1:
                    await peer.SendTextAsync(Encoding.UTF8.GetString(payload));
                    break;
                case 0x9 when held is not null:
                    await peer.SendTextAsync(held);
                    held = null;
                    goto case 0x9;
                case 0x9:
                    if (answersPings)
                    {
                        await peer.SendFrameAsync(0x8A, payload);
                    }

                    break;
                case 0x8:
                    await peer.SendFrameAsync(0x88, payload);
                    return;
            }
        }
    };

    /// <summary>Connected to a server that holds the third reply, three texts sent, and the reply to the second received.</summary>
    private static async Task<StepHarness> ThirdReplyOnItsWayAsync(string one, string two, string three, string secondReplyContains)
    {
        var steps = await RawAsync(HoldsTheThirdReplyUntilAPing());
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, one);
        await steps.Sending.SendText(I, two);
        await steps.Sending.SendText(I, three);
        await steps.Receiving.MessageContaining(I, secondReplyContains);
        return steps;
    }

    [Fact]
    public async Task Exactly_two_fails_when_a_third_message_is_still_on_its_way()
    {
        await using var steps = await ThirdReplyOnItsWayAsync("one", "two", "three", "two");

        (await FailureOf(() => steps.Receiving.ExactCount(I, 2))).Should().MatchRegex(
            @"^Expected exactly 2 messages \(decided after \d+ ms of 300 ms\), but received 3 messages: \[1\] ""one"" \[2\] ""two"" \[3\] ""three""\. Connection: open\.$");
    }

    [Fact]
    public async Task The_events_fail_when_a_message_is_still_on_its_way()
    {
        await using var steps = await ThirdReplyOnItsWayAsync("one", "two", "three", "two");

        (await FailureOf(() => steps.Closing.Timeline(I, "open, message, message"))).Should().MatchRegex(
            @"^Expected the events open, message, message \(decided after \d+ ms of 300 ms\), but the events were open, message, message, message\. Connection: open\.$");
    }

    [Fact]
    public async Task Exactly_two_matching_fails_when_a_third_match_is_still_on_its_way()
    {
        await using var steps = await ThirdReplyOnItsWayAsync("{\"seq\":1}", "{\"seq\":2}", "{\"seq\":3}", "2");

        (await FailureOf(() => steps.Counting.ExactCountMatching(I, 2, "seq"))).Should().MatchRegex(
            @"^Expected exactly 2 messages matching /seq/ \(decided after \d+ ms of 300 ms\), but received 3 messages: .*\. Connection: open\.$");
    }

    [Fact]
    public async Task A_run_fails_when_a_value_past_its_end_is_still_on_its_way()
    {
        await using var steps = await ThirdReplyOnItsWayAsync("{\"seq\":1}", "{\"seq\":2}", "{\"seq\":3}", "2");

        (await FailureOf(() => steps.Counting.RunsFrom(I, "$.seq", 1, 2))).Should().EndWith(
            "; message 3 has $.seq 3 after the last, 2. Connection: open.");
        await steps.Counting.RunsFrom(I, "$.seq", 1, 3);
    }

    [Fact]
    public async Task Exactly_three_passes_once_the_round_trip_brought_the_third()
    {
        await using var steps = await ThirdReplyOnItsWayAsync("one", "two", "three", "two");

        await steps.Receiving.MessageEqualTo(I, "two");
        await FluentActions.Awaiting(() => steps.Receiving.ExactCount(I, 2)).Should().ThrowAsync<Exception>();
        await steps.Receiving.ExactCount(I, 3);
        await steps.Closing.Timeline(I, "open, message, message, message");
        await steps.Connecting.StillConnected(I);
    }

    [Fact]
    public async Task A_server_that_never_answers_pings_is_given_the_whole_wait()
    {
        await using var steps = await RawAsync(HoldsTheThirdReplyUntilAPing(answersPings: false));
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, "one");
        await steps.Sending.SendText(I, "two");
        await steps.Receiving.MessageEqualTo(I, "two");
        var clock = Stopwatch.StartNew();

        await steps.Receiving.ExactCount(I, 2);

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(StepHarness.Timeout, "without a pong, only the whole wait says no more came");
    }

    [Fact]
    public async Task Still_connected_fails_when_a_close_is_on_its_way()
    {
        await using var steps = await RawAsync(async peer =>
        {
            // The close is sent the moment the ping is read, before the pong would be.
            await peer.ReadUntilAsync(0x9);
            await peer.SendCloseAsync(1001, "going");
            await peer.ReadUntilAsync(-1);
        });
        await steps.Connecting.ConnectToEcho(I);

        (await FailureOf(() => steps.Connecting.StillConnected(I))).Should().MatchRegex(
            @"^Expected the connection to be open \(decided after \d+ ms of 300 ms\), but the events were open, close\. Connection: closed by server with 1001 GoingAway ""going""\.$");
    }
}
