using BddWs.Specs.Support.Driver;

namespace BddWs.Specs.Support.Reporting;

/// <summary>
/// Turns each connection's events into the lines of a conversation, for the report:
/// <c>→ sent "Hello"</c>, <c>← received "Message text was: Hello" (+3 ms)</c>. Remembers what it
/// already told, so each step shows only the traffic that happened while it ran.
/// Scenario-scoped, by Reqnroll's context injection.
/// </summary>
public sealed class Conversation
{
    private readonly Dictionary<WebSocketSession, int> _told = [];

    /// <summary>The lines for events no earlier call returned, connection by connection.</summary>
    public IReadOnlyList<string> NewLines(IEnumerable<WebSocketSession> sessions)
    {
        var lines = new List<string>();
        foreach (var session in sessions)
        {
            var events = session.Log.Snapshot();
            var told = _told.GetValueOrDefault(session);
            var who = session.Name.Length == 0 ? "" : $"{session.Name}: ";
            for (var i = told; i < events.Count; i++)
            {
                var since = i == 0 ? TimeSpan.Zero : events[i].At - events[i - 1].At;
                lines.Add(who + Line(session, events[i], since));
            }

            _told[session] = events.Count;
        }

        return lines;
    }

    private static string Line(WebSocketSession session, SessionEvent sessionEvent, TimeSpan sincePrevious) => sessionEvent switch
    {
        Opened opened => $"open {session.DisplayUrl}{Details(session, opened)}",
        MessageEvent { Direction: MessageDirection.Sent } sent => $"→ sent {Format.Message(sent.Message)}",
        MessageEvent received => $"← received {Format.Message(received.Message)} (+{Format.Elapsed(sincePrevious)})",
        ErrorEvent error => $"error: {error.Reason}",
        Closed closed => $"close {Format.Close(closed.Status, closed.Reason)} (by {closed.By.ToString().ToLowerInvariant()})",
        _ => sessionEvent.ToString(),
    };

    private static string Details(WebSocketSession session, Opened opened)
    {
        var details = session.DisplayHeaders.Select(h => $"{h.Key}: {h.Value}").ToList();
        if (!string.IsNullOrEmpty(opened.SubProtocol))
        {
            details.Add($"subprotocol {opened.SubProtocol}");
        }

        return details.Count == 0 ? "" : $" ({string.Join(", ", details)})";
    }
}
