namespace BddWs.Driver;

/// <summary>
/// How a connection ended, as the wire says it did, not as the library reports it: the status and
/// reason the server really sent, or 1006 with why when no closing handshake completed.
/// </summary>
public static class WireEnding
{
    /// <summary>A close the client started: the server's answer, or 1006 and why there was none.</summary>
    public static IEnumerable<SessionEvent> ClientClose(TimeSpan at, WireTap? tap)
    {
        if (tap?.Server.Violation is { } violation)
        {
            return [new ErrorEvent(at, violation), new Closed(at, ClosedBy.Client, WebSocketSession.AbnormalClosure, violation)];
        }

        if (tap?.Server.CloseFrame is { } answer)
        {
            return [new Closed(at, ClosedBy.Client, answer.ReportedStatus, answer.Reason)];
        }

        var why = tap?.ServerEnded == true
            ? $"the server {(tap.ServerReset ? "reset" : "closed")} the TCP connection without answering the close frame"
            : "no close frame came back from the server";
        return [new Closed(at, ClosedBy.Client, WebSocketSession.AbnormalClosure, why)];
    }

    /// <summary>A close the server started: its close frame as sent (the library may report another status).</summary>
    public static Closed ServerClose(TimeSpan at, WireTap? tap, System.Net.WebSockets.WebSocketCloseStatus? reported, string? reportedReason) =>
        tap?.Server.CloseFrame is { } close
            ? new Closed(at, ClosedBy.Server, close.ReportedStatus, close.Reason)
            : new Closed(at, ClosedBy.Server, reported, reportedReason);

    /// <summary>
    /// Why a connection failed, in the server's terms when the wire shows what it did wrong;
    /// otherwise the innermost error's own words.
    /// </summary>
    public static string? FailureReason(WireTap? tap, Exception? error) =>
        tap?.Server.Violation
        ?? (tap is { ServerEnded: true, Server.CloseFrame: null }
            ? $"The server {(tap.ServerReset ? "reset" : "closed")} the TCP connection without a close frame (no closing handshake: 1006 AbnormalClosure)"
            : error?.GetBaseException().Message);
}
