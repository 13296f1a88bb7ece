using System.Net.WebSockets;
using BddWs.Specs.Support.Driver;
using FluentAssertions;
using Xunit;

namespace BddWs.Tests.Driver;

/// <summary>The event log under the library's threads: one ending per connection, however it is reported.</summary>
public sealed class EventLogTests
{
    [Fact]
    public void Two_closes_reported_at_the_same_moment_are_recorded_once()
    {
        const int rounds = 5_000;
        const int reporters = 2;
        var logs = Enumerable.Range(0, rounds).Select(_ => new EventLog()).ToArray();
        // Every reporter waits for the others before each round, so their reports really meet.
        using var start = new Barrier(reporters);
        var threads = Enumerable.Range(0, reporters).Select(reporter => new Thread(() =>
        {
            foreach (var log in logs)
            {
                start.SignalAndWait();
                log.AddUnlessClosed(
                    new ErrorEvent(log.Now, $"reporter {reporter}"),
                    new Closed(log.Now, ClosedBy.Failure, WebSocketSession.AbnormalClosure, $"reporter {reporter}"));
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        logs.Where(log => log.Snapshot().Count != 2).Should().BeEmpty("each connection ends once: one error, one close");
        logs.Should().OnlyContain(log => log.Snapshot().OfType<Closed>().Count() == 1);
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
