using Microsoft.Extensions.Logging;

namespace BddWs.Hosting;

/// <summary>
/// Keeps the hosted service's recent log lines, numbered, so a failed scenario can show those written
/// while it ran. Scenarios of different features run at the same time, and a line does not say which
/// request wrote it: lines of other scenarios running then may be among them.
/// </summary>
public sealed class CapturedLog : ILoggerProvider
{
    /// <summary>The lines kept; older ones go, so a long run does not grow without end.</summary>
    public const int Capacity = 5000;

    private readonly Lock _gate = new();
    private readonly Queue<(long Number, string Line)> _lines = new();
    private long _next;

    /// <summary>The number the next line will get: keep it at a scenario's start, ask <see cref="Since"/> at its end.</summary>
    public long Mark
    {
        get
        {
            lock (_gate)
            {
                return _next;
            }
        }
    }

    /// <summary>The lines written since <paramref name="mark"/>, oldest first.</summary>
    public IReadOnlyList<string> Since(long mark)
    {
        lock (_gate)
        {
            return [.. _lines.Where(l => l.Number >= mark).Select(l => l.Line)];
        }
    }

    public ILogger CreateLogger(string categoryName) => new CapturedLogger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Keeps a line as it will be shown, such as <c>12:00:01.234 warn Orders.OrderBook: …</c>.</summary>
    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue((_next++, line));
            if (_lines.Count > Capacity)
            {
                _lines.Dequeue();
            }
        }
    }
}
