using System.Net.WebSockets;
using BddWs.Driver;
using FluentAssertions;
using Xunit;

using BddWs.Driver.Tests.Helpers;

namespace BddWs.Driver.Tests;

/// <summary>The event log under the library's threads: one ending per connection, however it is reported.</summary>
public sealed class EventLogTests
{
    [Fact]
    public void Two_closes_reported_at_the_same_moment_are_recorded_once()
    {
        const int rounds = 10_000;
        const int reporters = 2;
        var logs = Enumerable.Range(0, rounds).Select(_ => ConnectionWithTraffic()).ToArray();
        var arrived = 0;
        var threads = Enumerable.Range(0, reporters).Select(reporter => new Thread(() =>
        {
            for (var round = 0; round < rounds; round++)
            {
                // A spinning start line: a blocking barrier wakes its threads one by one, and they would never meet.
                Interlocked.Increment(ref arrived);
                var spin = new SpinWait();
                while (Volatile.Read(ref arrived) < reporters * (round + 1))
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }

                var log = logs[round];
                log.AddUnlessClosed(
                    new ErrorEvent(log.Now, $"reporter {reporter}"),
                    new Closed(log.Now, ClosedBy.Failure, WebSocketSession.AbnormalClosure, $"reporter {reporter}"));
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        logs.Count(log => log.Snapshot().Count != Traffic + 2).Should().Be(0, "each connection ends once: one error, one close");
        logs.Should().OnlyContain(log => log.Snapshot().OfType<Closed>().Count() == 1);
    }

    // Events before the ending, as a real connection has: a check that copies them takes its time.
    private const int Traffic = 20;

    private static EventLog ConnectionWithTraffic()
    {
        var log = new EventLog();
        log.Add(new Opened(log.Now, null));
        var message = new MessageEvent(log.Now, MessageDirection.Received, WebSocketMessage.FromText("hello"));
        for (var i = 1; i < Traffic; i++)
        {
            log.Add(message);
        }

        return log;
    }

    [Fact]
    public void An_ending_after_the_close_is_not_recorded()
    {
        var log = new EventLog();
        log.Add(new Opened(log.Now, null));

        log.AddUnlessClosed(new Closed(log.Now, ClosedBy.Server, WebSocketCloseStatus.NormalClosure, "bye")).Should().BeTrue();
        log.AddUnlessClosed(new Closed(log.Now, ClosedBy.Client, WebSocketCloseStatus.NormalClosure, "")).Should().BeFalse();

        log.Snapshot().Select(e => e.GetType().Name).Should().Equal("Opened", "Closed");
        log.Snapshot().CloseEvent()!.By.Should().Be(ClosedBy.Server);
    }
}
