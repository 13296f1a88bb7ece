using BddWs.Driver;
using BddWs.Driver.Hubs;

namespace BddWs.ReqnrollPlugin.Reporting;

/// <summary>
/// The conversation of a SignalR hub connection in the hub's own terms rather than as JSON text:
/// <c>→ handshake json 1</c>, <c>← handshake ok</c>, <c>→ invoke SendMessage("Alice", "hi") #3</c>,
/// <c>← ReceiveMessage("Alice", "hi")</c>, <c>← completion #3: 42</c>, <c>→ stream Countdown(3, 10) #5</c>,
/// <c>← item #5: 3</c>; pings in a row fold into one line (<c>← 3 pings</c>).
/// </summary>
public static class HubLines
{
    /// <summary>The line of one hub record, before the time and the marks the conversation adds.</summary>
    public static string Of(MessageEvent message) => message.Direction == MessageDirection.Sent
        ? $"→ {HubShown.Sent(message.Message)}"
        : $"← {HubShown.Record(message.Message)}";

    /// <summary>Whether the event is a ping from the server, which the conversation folds with those next to it.</summary>
    public static bool IsPing(SessionEvent sessionEvent) =>
        sessionEvent is MessageEvent { Direction: MessageDirection.Received } received &&
        HubRecord.TryRead(received.Message, out var record) && record.Type == HubRecordType.Ping;

    /// <summary><c>← ping</c>, <c>← 3 pings</c>.</summary>
    public static string Pings(int count) => count == 1 ? "← ping" : $"← {count} pings";
}
