namespace BddWs.Cli.Recording;

/// <summary>
/// A WebSocket connection the client opened: its URL (ws:// or wss://, with the query), the headers of
/// its upgrade request, and the subprotocol the server chose (null for none). <paramref name="Connection"/>
/// names it in the session's later events.
/// </summary>
public sealed record WebSocketOpened(
    TimeSpan At,
    string Connection,
    Uri Url,
    IReadOnlyList<RecordedHeader> RequestHeaders,
    string? Subprotocol) : RecordedEvent(At);
