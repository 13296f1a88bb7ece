namespace BddWs.Cli.Recording;

/// <summary>
/// The end of a WebSocket connection: closed by the client (<paramref name="ByClient"/>) or by the
/// service, with its close status and reason when there was a close frame (null when the connection
/// just ended).
/// </summary>
public sealed record WebSocketClosed(TimeSpan At, string Connection, bool ByClient, int? Status, string? Reason) : RecordedEvent(At);
