using System.Globalization;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>Times as the orders service writes them: ISO 8601, UTC, always with milliseconds.</summary>
public static class UtcTime
{
    /// <summary>The current time, such as <c>2026-01-31T09:30:00.250Z</c>.</summary>
    public static string Now() =>
        // A fixed width, so texts compare and sort the same way the times do.
        DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
