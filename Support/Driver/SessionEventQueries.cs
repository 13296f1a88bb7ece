namespace BddWs.Driver;

/// <summary>
/// The questions steps ask of a list of events. On a snapshot of a connection's log the common ones
/// (received messages, opening, close) are answered from what the log found as it recorded, without
/// going through the events; on any other list, by going through them.
/// </summary>
public static class SessionEventQueries
{
    public static IEnumerable<MessageEvent> ReceivedEvents(this IEnumerable<SessionEvent> events) => events is LogView view
        ? view.Received
        : events.OfType<MessageEvent>().Where(e => e.Direction == MessageDirection.Received);

    /// <summary><see cref="ReceivedEvents"/> as a list, without a copy when the events are a snapshot of a log.</summary>
    internal static IReadOnlyList<MessageEvent> ReceivedEventList(this IEnumerable<SessionEvent> events) =>
        events.ReceivedEvents() as IReadOnlyList<MessageEvent> ?? events.ReceivedEvents().ToList();

    public static IReadOnlyList<WebSocketMessage> ReceivedMessages(this IEnumerable<SessionEvent> events) => events is LogView view
        ? view.ReceivedMessages
        : events.ReceivedEvents().Select(e => e.Message).ToList();

    /// <summary>
    /// The last received message among <paramref name="events"/>: "the last message" once the events
    /// are those the connection does not ignore (<see cref="WebSocketSession.LastMessage"/>).
    /// </summary>
    public static WebSocketMessage? LastReceived(this IEnumerable<SessionEvent> events) =>
        events.ReceivedMessages() is { Count: > 0 } messages ? messages[^1] : null;

    public static Closed? CloseEvent(this IEnumerable<SessionEvent> events) => events is LogView view
        ? view.Closed
        : events.OfType<Closed>().FirstOrDefault();

    /// <summary>When the client last sent a message; null if it has sent none.</summary>
    public static TimeSpan? LastSentAt(this IEnumerable<SessionEvent> events) =>
        events.OfType<MessageEvent>().LastOrDefault(e => e.Direction == MessageDirection.Sent)?.At;

    public static TimeSpan? OpenedAt(this IEnumerable<SessionEvent> events) => events is LogView view
        ? view.Opened?.At
        : events.OfType<Opened>().FirstOrDefault()?.At;

    /// <summary>The four lifecycle events by name: <c>open</c>, <c>message</c> (received), <c>error</c>, <c>close</c>.</summary>
    public static IReadOnlyList<string> Timeline(this IEnumerable<SessionEvent> events) => events
        .Where(e => e is not MessageEvent { Direction: MessageDirection.Sent })
        .Select(e => e switch
        {
            Opened => "open",
            MessageEvent => "message",
            ErrorEvent => "error",
            _ => "close",
        })
        .ToList();
}
