using System.Globalization;
using BddWs.Cli.Recording;

namespace BddWs.Cli.Tests.Recording;

/// <summary>A recorded session as lines a test can compare: one per event, without its time.</summary>
public static class RecordedSessionText
{
    public static IEnumerable<string> Lines(RecordedSession session) => session.Events.Select(Line);

    public static string Line(RecordedEvent recorded) => recorded switch
    {
        HttpExchange http => $"HTTP {http.Method} {http.Url.PathAndQuery} {http.Status}",
        WebSocketOpened opened => $"{opened.Connection} opened {opened.Url.AbsolutePath}",
        WebSocketFrame frame => $"{frame.Connection} {(frame.FromClient ? "sent" : "received")} {(frame.Binary ? "binary " : "")}{frame.Payload.Replace("\u001e", "␞", StringComparison.Ordinal)}",
        WebSocketClosed closed => $"{closed.Connection} closed by {(closed.ByClient ? "the client" : "the service")}"
            + (closed.Status is { } status ? $" {status.ToString(CultureInfo.InvariantCulture)} {closed.Reason}" : ""),
        _ => recorded.ToString(),
    };
}
