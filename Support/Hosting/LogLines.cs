namespace BddWs.Hosting;

/// <summary>The service's lines shown beside a failed scenario, introduced in words.</summary>
internal static class LogLines
{
    /// <summary>The lines logged since <paramref name="mark"/> under a heading; null when there are none.</summary>
    public static string? Since(CapturedLog log, long mark)
    {
        var lines = log.Since(mark);
        if (lines.Count == 0)
        {
            return null;
        }

        var heading = lines.Count == 1
            ? "The service logged 1 line while this scenario ran (a scenario running at the same time may have caused it):"
            : $"The service logged {lines.Count} lines while this scenario ran (scenarios running at the same time may have caused some):";
        return heading + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
