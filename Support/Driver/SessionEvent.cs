using System.Net.WebSockets;

namespace BddWs.Driver;

/// <summary>Something that happened on a connection, stamped with the time since the session began.</summary>
public abstract record SessionEvent(TimeSpan At);

/// <summary>The handshake succeeded: data can flow.</summary>
public sealed record Opened(TimeSpan At, string? SubProtocol) : SessionEvent(At);

/// <summary>A whole message, sent by the client or received from the server.</summary>
public sealed record MessageEvent(TimeSpan At, MessageDirection Direction, WebSocketMessage Message) : SessionEvent(At)
{
    /// <summary>
    /// True for a hub record after the first of the frame that carried it: the round trip counts
    /// frames, so it leaves these out (<see cref="RoundTrip"/>).
    /// </summary>
    public bool ContinuesFrame { get; init; }
}

/// <summary>Something went wrong: before a close, or when the connection could not be made.</summary>
public sealed record ErrorEvent(TimeSpan At, string Reason) : SessionEvent(At);

/// <summary>The connection ended; <see cref="By"/> says who ended it.</summary>
public sealed record Closed(TimeSpan At, ClosedBy By, WebSocketCloseStatus? Status, string? Reason) : SessionEvent(At);

public enum MessageDirection
{
    Sent,
    Received,
}

public enum ClosedBy
{
    Client,
    Server,
    Failure,
}
