using System.Diagnostics;

namespace BddWs.Driver;

/// <summary>
/// One clock for everything a scenario records, WebSocket events and HTTP exchanges alike, so the
/// report can tell them in the order they happened. Monotonic: a change of the wall clock cannot
/// reorder events.
/// </summary>
public static class Timeline
{
    private static readonly long Origin = Stopwatch.GetTimestamp();

    /// <summary>Time since an arbitrary start, the same for every caller in the process.</summary>
    public static TimeSpan Now => Stopwatch.GetElapsedTime(Origin);
}
