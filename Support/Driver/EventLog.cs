using System.Diagnostics;

namespace BddWs.Driver;

/// <summary>
/// The ordered record of a connection's events, safe to append to from the socket's threads.
/// Waiters are woken by each new event; nothing here ever sleeps for a fixed time.
/// </summary>
public sealed class EventLog
{
    private readonly object _gate = new();
    private readonly List<SessionEvent> _events = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>When the log began, on the <see cref="Timeline"/>: an event happened at <c>Began + At</c>.</summary>
    public TimeSpan Began { get; } = Timeline.Now;
    private TaskCompletionSource _changed = NewSignal();
    private bool _closed;

    /// <summary>Time since the log was created; events are stamped with it.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<SessionEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    public void Add(SessionEvent sessionEvent) => Append([sessionEvent], unlessClosed: false);

    /// <summary>
    /// Adds the events that end a connection (a <see cref="Closed"/>, perhaps after an error)
    /// unless a close is already recorded, as one step: the library can report one ending twice,
    /// from two threads at once, and a connection closes only once. False if it had closed already.
    /// </summary>
    public bool AddUnlessClosed(params SessionEvent[] ending) => Append(ending, unlessClosed: true);

    private bool Append(SessionEvent[] added, bool unlessClosed)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (unlessClosed && _closed)
            {
                return false;
            }

            _events.AddRange(added);
            _closed |= added.Any(e => e is Closed);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return true;
    }

    /// <summary>
    /// Returns as soon as <paramref name="condition"/> holds for the events so far, or when
    /// <paramref name="timeout"/> has passed, with the events seen last.
    /// </summary>
    public async Task<LogSnapshot> WaitUntilAsync(Func<IReadOnlyList<SessionEvent>, bool> condition, TimeSpan timeout,
        CancellationToken cancellation = default)
    {
        var started = _clock.Elapsed;
        while (true)
        {
            IReadOnlyList<SessionEvent> events;
            Task changed;
            lock (_gate)
            {
                events = [.. _events];
                changed = _changed.Task;
            }

            var waited = _clock.Elapsed - started;
            if (condition(events))
            {
                return new LogSnapshot(waited, events);
            }

            var remaining = timeout - waited;
            if (remaining <= TimeSpan.Zero)
            {
                return new LogSnapshot(waited, events);
            }

            try
            {
                await changed.WaitAsync(remaining, cancellation);
            }
            catch (TimeoutException)
            {
                // Loop once more: the last check runs against everything that arrived in time.
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
