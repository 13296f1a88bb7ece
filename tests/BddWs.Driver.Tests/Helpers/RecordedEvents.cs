namespace BddWs.Driver.Tests.Helpers;

/// <summary>Records made by hand, for tests of how the record is queried and judged.</summary>
internal static class RecordedEvents
{
    /// <summary>A record of a connection that has just opened.</summary>
    public static EventLog Opened()
    {
        var log = new EventLog();
        log.Add(new Opened(log.Now, null));
        return log;
    }

    /// <summary>A text message received now, not yet added to <paramref name="log"/>.</summary>
    public static MessageEvent Received(EventLog log, string text) =>
        new(log.Now, MessageDirection.Received, WebSocketMessage.FromText(text));
}
