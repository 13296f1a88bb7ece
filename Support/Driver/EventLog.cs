namespace BddWs.Driver;

/// <summary>
/// The ordered record of a connection's events, safe to append to from the socket's threads.
/// Waiters are woken by each new event; nothing here ever sleeps for a fixed time. A snapshot is a
/// view of the events so far, not a copy, so that a wait costs the same however long the connection
/// has run; an event costs no allocation here unless someone is waiting for it.
/// </summary>
public sealed class EventLog
{
    private readonly object _gate = new();
    private readonly EventRecord _events = new();

    /// <summary>When the log began, on the <see cref="Timeline"/>: an event happened at <c>Began + At</c>.</summary>
    public TimeSpan Began { get; } = Timeline.Now;
    // Made by the first waiter that finds nothing new, completed and dropped by the next event.
    private TaskCompletionSource? _changed;
    private bool _closed;

    /// <summary>
    /// Time since the log was created, read on the <see cref="Timeline"/> (the clock of HTTP
    /// exchanges too, so the report cuts both at one moment); events are stamped with it.
    /// </summary>
    public TimeSpan Now => Timeline.Now - Began;

    public IReadOnlyList<SessionEvent> Snapshot()
    {
        lock (_gate)
        {
            return _events.Snapshot();
        }
    }

    public void Add(SessionEvent sessionEvent) => Append(new ReadOnlySpan<SessionEvent>(in sessionEvent), unlessClosed: false);

    /// <summary>
    /// Adds the events that end a connection (a <see cref="Closed"/>, perhaps after an error)
    /// unless a close is already recorded, as one step: the library can report one ending twice,
    /// from two threads at once, and a connection closes only once. False if it had closed already.
    /// </summary>
    public bool AddUnlessClosed(params SessionEvent[] ending) => Append(ending, unlessClosed: true);

    private bool Append(ReadOnlySpan<SessionEvent> added, bool unlessClosed)
    {
        TaskCompletionSource? changed;
        lock (_gate)
        {
            if (unlessClosed && _closed)
            {
                return false;
            }

            foreach (var sessionEvent in added)
            {
                _events.Add(sessionEvent);
                _closed |= sessionEvent is Closed;
            }

            changed = _changed;
            _changed = null;
        }

        changed?.TrySetResult();
        return true;
    }

    /// <summary>
    /// Returns as soon as <paramref name="condition"/> holds for the events so far, or when
    /// <paramref name="timeout"/> has passed, with the events seen last.
    /// </summary>
    public async Task<LogSnapshot> WaitUntilAsync(Func<IReadOnlyList<SessionEvent>, bool> condition, TimeSpan timeout,
        CancellationToken cancellation = default)
    {
        var started = Now;
        while (true)
        {
            var events = Snapshot();
            var waited = Now - started;
            if (condition(events))
            {
                return new LogSnapshot(waited, events);
            }

            var remaining = timeout - waited;
            if (remaining <= TimeSpan.Zero)
            {
                return new LogSnapshot(waited, events);
            }

            if (ChangedSince(events.Count) is not { } changed)
            {
                continue;
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

    /// <summary>A task completed by the next event; null if one has come since the snapshot of <paramref name="seen"/> events.</summary>
    private Task? ChangedSince(int seen)
    {
        lock (_gate)
        {
            return _events.Count != seen ? null : (_changed ??= NewSignal()).Task;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
