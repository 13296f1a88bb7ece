namespace BddWs.Specs.Support.Driver;

/// <summary>The questions steps ask of a list of events.</summary>
public static class SessionEventQueries
{
    public static IReadOnlyList<WebSocketMessage> ReceivedMessages(this IEnumerable<SessionEvent> events) =>
        events.OfType<MessageEvent>()
            .Where(e => e.Direction == MessageDirection.Received)
            .Select(e => e.Message)
            .ToList();

    public static Closed? CloseEvent(this IEnumerable<SessionEvent> events) => events.OfType<Closed>().FirstOrDefault();
}
