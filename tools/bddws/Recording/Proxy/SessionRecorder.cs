using System.Diagnostics;

namespace BddWs.Cli.Recording.Proxy;

/// <summary>
/// What the proxy recorded so far, safe to add to from every connection at once, and when traffic last
/// passed (for <c>--idle</c>). Times are from the start of the recording.
/// </summary>
internal sealed class SessionRecorder(int limit, Action<string> log)
{
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly Lock gate = new();
    private readonly List<RecordedEvent> events = [];
    private readonly List<Task> pending = [];
    private long lastPassed;
    private int connections;
    private int cut;
    private volatile bool stopping;

    /// <summary>The most kept of one body or one WebSocket message, in bytes.</summary>
    public int Limit { get; } = limit;

    public Action<string> Log { get; } = log;

    public TimeSpan Now => Stopwatch.GetElapsedTime(started);

    /// <summary>How long nothing passed through the proxy; zero until something passed (the app may take its time to start).</summary>
    public TimeSpan Idle => Interlocked.Read(ref lastPassed) is var last and not 0 ? Stopwatch.GetElapsedTime(last) : TimeSpan.Zero;

    /// <summary>The proxy is stopping: connections that end now were cut by the stop, not closed by either side.</summary>
    public bool Stopping => stopping;

    /// <summary>Notes that traffic passed now, and returns now.</summary>
    public TimeSpan Passed()
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref lastPassed, now);
        return Stopwatch.GetElapsedTime(started, now);
    }

    public string NextConnection() => $"ws{Interlocked.Increment(ref connections)}";

    public void Add(RecordedEvent recorded)
    {
        lock (gate)
        {
            events.Add(recorded);
        }
    }

    /// <summary>Notes that a body or a message was longer than <see cref="Limit"/> and kept only its beginning.</summary>
    public void NoteCut() => Interlocked.Increment(ref cut);

    /// <summary>Work still reading what passed (a connection's parsers), waited for before the session is read.</summary>
    public void Track(Task work)
    {
        lock (gate)
        {
            pending.Add(work);
        }
    }

    public void BeginStop() => stopping = true;

    /// <summary>Everything recorded, in the order it happened, once the parsers have read all that passed.</summary>
    public async Task<RecordedSession> FinishAsync(string source, TimeSpan deadline)
    {
        Task[] work;
        lock (gate)
        {
            work = [.. pending];
        }

        await Task.WhenAll(work).WaitAsync(deadline).ContinueWith(_ => { }, TaskScheduler.Default);
        lock (gate)
        {
            var note = cut == 0 ? "" : $" ({cut} {(cut == 1 ? "body or message" : "bodies or messages")} longer than {Limit / 1024 / 1024} MB kept as {(cut == 1 ? "its" : "their")} first {Limit / 1024 / 1024} MB)";
            return new RecordedSession(source + note, [.. events.OrderBy(e => e.At)]);
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return events.Count;
            }
        }
    }
}
