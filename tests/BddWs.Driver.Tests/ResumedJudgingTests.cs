using BddWs.Driver;
using FluentAssertions;
using Xunit;
using static BddWs.Driver.Tests.Helpers.RecordedEvents;

namespace BddWs.Driver.Tests;

/// <summary>
/// A wait is woken by every event; its expectation tests each message once, resuming where it stopped,
/// and still judges rightly a snapshot older than the last, another connection's, or a plain list.
/// </summary>
public sealed class ResumedJudgingTests
{
    [Fact]
    public void A_message_is_tested_once_however_often_the_wait_is_woken()
    {
        var (check, tested) = Counting("wanted");
        var expectation = Expect.AnyMessage(check);
        var log = Opened();

        for (var i = 0; i < 100; i++)
        {
            log.Add(Received(log, "other"));
            expectation.Judge(log.Snapshot()).Should().Be(Verdict.Pending);
        }

        log.Add(Received(log, "wanted"));
        expectation.Judge(log.Snapshot()).Should().Be(Verdict.Met);
        expectation.Matched(log.Snapshot())!.Text.Should().Be("wanted");
        tested().Should().Be(101);
    }

    [Fact]
    public void An_older_snapshot_another_log_or_a_plain_list_is_judged_on_its_own()
    {
        var expectation = Expect.MessageFrom(2, MessageCheck.Containing("wanted"));
        var log = Opened();
        log.Add(Received(log, "wanted first"));
        log.Add(Received(log, "other"));
        var older = log.Snapshot();
        log.Add(Received(log, "wanted second"));

        expectation.Judge(log.Snapshot()).Should().Be(Verdict.Met);
        expectation.Judge(older).Should().Be(Verdict.Pending, "in the older snapshot only message 1 is wanted, and the search starts at 2");
        expectation.Matched(log.Snapshot())!.Text.Should().Be("wanted second");

        var another = Opened();
        another.Add(Received(another, "other"));
        expectation.Judge(another.Snapshot()).Should().Be(Verdict.Pending);
        expectation.Judge([.. log.Snapshot()]).Should().Be(Verdict.Met);
    }

    [Fact]
    public void Counts_go_on_from_where_they_stopped()
    {
        var (check, tested) = Counting("yes");
        var expectation = Expect.MessageCount(3, check);
        var log = Opened();
        var verdicts = new List<Verdict>();
        foreach (var text in new[] { "yes", "no", "yes", "no", "yes", "yes" })
        {
            log.Add(Received(log, text));
            verdicts.Add(expectation.Judge(log.Snapshot()));
        }

        verdicts.Should().Equal(Verdict.Pending, Verdict.Pending, Verdict.Pending, Verdict.Pending, Verdict.Met, Verdict.Failed);
        tested().Should().Be(6);
    }

    [Fact]
    public void Ignored_messages_are_tested_once_and_again_when_the_rule_grows()
    {
        var rule = new IgnoreRule();
        var (heartbeat, tested) = Counting("heartbeat");
        rule.Add(heartbeat);
        var log = Opened();
        var expectation = rule.Apply(Expect.MessageAt(2, MessageCheck.Any));

        foreach (var text in new[] { "heartbeat", "one", "heartbeat", "noise", "heartbeat" })
        {
            log.Add(Received(log, text));
            expectation.Judge(log.Snapshot());
        }

        tested().Should().Be(5);
        rule.Visible(log.Snapshot()).ReceivedMessages().Select(m => m.Text).Should().Equal("one", "noise");
        expectation.Matched(log.Snapshot())!.Text.Should().Be("noise");

        rule.Add(MessageCheck.Containing("noise"));
        rule.Visible(log.Snapshot()).ReceivedMessages().Select(m => m.Text).Should().Equal("one");
        expectation.Judge(log.Snapshot()).Should().Be(Verdict.Pending);
    }

    [Fact]
    public void An_older_snapshot_keeps_its_own_ignored_messages()
    {
        var rule = new IgnoreRule();
        rule.Add(MessageCheck.Containing("heartbeat"));
        var log = Opened();
        log.Add(Received(log, "one"));
        var older = log.Snapshot();
        log.Add(Received(log, "heartbeat"));
        log.Add(Received(log, "two"));

        rule.Visible(log.Snapshot()).ReceivedMessages().Select(m => m.Text).Should().Equal("one", "two");
        rule.Visible(older).ReceivedMessages().Select(m => m.Text).Should().Equal("one");
        rule.Visible(log.Snapshot()).Should().HaveCount(3, "the opening and the two messages not ignored");
    }

    private static (MessageCheck Check, Func<int> Tested) Counting(string text)
    {
        var tested = 0;
        var check = new MessageCheck($"containing \"{text}\"", m =>
        {
            Interlocked.Increment(ref tested);
            return m.Text.Contains(text, StringComparison.Ordinal);
        });
        return (check, () => tested);
    }
}
