namespace BddWs.Cli.Recording;

/// <summary>
/// A whole WebSocket message on <paramref name="Connection"/>: sent by the client
/// (<paramref name="FromClient"/>) or by the service. A text message is its text; a binary one is base64
/// with <paramref name="Binary"/> set.
/// </summary>
public sealed record WebSocketFrame(TimeSpan At, string Connection, bool FromClient, string Payload, bool Binary = false) : RecordedEvent(At);
