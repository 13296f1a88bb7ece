using System.Net.WebSockets;
using BddWs.Driver;
using FluentAssertions;
using Xunit;
using static BddWs.Driver.Tests.Helpers.RecordedEvents;

namespace BddWs.Driver.Tests;

/// <summary>
/// A snapshot of a connection's record is a view of the events so far, not a copy: it stays as it was
/// while more events come, answers the queries as the events themselves do, and costs the same however
/// many events came before it.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void A_snapshot_stays_as_it_was_while_more_events_come()
    {
        var log = Opened();
        log.Add(Received(log, "first"));
        var before = log.Snapshot();

        for (var i = 0; i < 100; i++)
        {
            log.Add(Received(log, $"later {i}"));
        }

        before.Should().HaveCount(2);
        before.ReceivedMessages().Select(m => m.Text).Should().Equal("first");
        before.CloseEvent().Should().BeNull();
        log.Snapshot().Should().HaveCount(102);
        log.Snapshot().ReceivedMessages()[^1].Text.Should().Be("later 99");
    }

    [Fact]
    public void A_snapshot_answers_the_queries_as_its_events_do()
    {
        var log = new EventLog();
        log.Add(new ErrorEvent(log.Now, "refused once"));
        log.Add(new Opened(log.Now, "chat"));
        for (var i = 0; i < 40; i++)
        {
            log.Add(new MessageEvent(log.Now, MessageDirection.Sent, WebSocketMessage.FromText($"ask {i}")));
            log.Add(Received(log, $"answer {i}"));
        }

        log.Add(new MessageEvent(log.Now, MessageDirection.Sent, WebSocketMessage.FromText("last")));
        log.AddUnlessClosed(new Closed(log.Now, ClosedBy.Server, WebSocketCloseStatus.NormalClosure, "bye"));

        var view = log.Snapshot();
        var copy = view.ToList();

        view.ReceivedMessages().Should().Equal(copy.ReceivedMessages());
        view.ReceivedEvents().Should().Equal(copy.ReceivedEvents());
        view.CloseEvent().Should().BeSameAs(copy.CloseEvent());
        view.OpenedAt().Should().Be(copy.OpenedAt());
        view.LastSentAt().Should().Be(copy.LastSentAt());
        view.Timeline().Should().Equal(copy.Timeline());
        view.Should().Equal(copy);
    }

    [Fact]
    public void A_snapshot_cannot_be_changed()
    {
        var log = Opened();
        var snapshot = (IList<SessionEvent>)log.Snapshot();

        snapshot.Invoking(s => s.Add(Received(log, "sneaked in"))).Should().Throw<NotSupportedException>();
        log.Snapshot().Should().ContainSingle();
    }

    [Fact]
    public void Snapshots_taken_while_the_receive_thread_records_agree_with_their_own_events()
    {
        const int messages = 20_000;
        var log = Opened();
        var writer = new Thread(() =>
        {
            for (var i = 0; i < messages; i++)
            {
                log.Add(Received(log, "tick"));
            }
        });

        writer.Start();
        var checkedSnapshots = 0;
        while (writer.IsAlive || checkedSnapshots == 0)
        {
            var snapshot = log.Snapshot();
            snapshot.ReceivedMessages().Should().HaveCount(snapshot.Count - 1, "every event but the opening is a message received");
            // Not OnlyContain: a snapshot taken before the first message has none, and that is right too.
            snapshot.Skip(1).Where(e => e is not MessageEvent).Should().BeEmpty();
            checkedSnapshots++;
        }

        writer.Join();
        log.Snapshot().ReceivedMessages().Should().HaveCount(messages);
    }

    [Fact]
    public void Judging_a_wait_costs_the_same_after_ten_thousand_messages_as_after_ten()
    {
        var (shortLog, longLog) = (Opened(), Opened());
        for (var i = 0; i < 10_000; i++)
        {
            (i < 10 ? shortLog : null)?.Add(Received(shortLog, "noise"));
            longLog.Add(Received(longLog, "noise"));
        }

        var onShort = AllocatedByJudging(shortLog);
        var onLong = AllocatedByJudging(longLog);

        // A copy of 10,000 events alone would be 80 KB; the view, and a judge that resumes, allocate the same on both.
        onLong.Should().BeLessThanOrEqualTo(onShort + 256, $"judging 10 messages allocated {onShort} B, 10,000 messages {onLong} B");
    }

    private static long AllocatedByJudging(EventLog log)
    {
        var expectation = Expect.MessageAt(log.Snapshot().ReceivedMessages().Count, MessageCheck.Containing("noise"));
        var first = expectation.Judge(log.Snapshot());
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            var snapshot = log.Snapshot();
            expectation.Judge(snapshot).Should().Be(first);
            snapshot.CloseEvent().Should().BeNull();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
