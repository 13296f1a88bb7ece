using System.Net;

namespace BddWs.Driver;

/// <summary>How an attempt to open a connection ended.</summary>
public enum ConnectionOutcome
{
    Connected,
    /// <summary>The server answered the handshake with an HTTP status other than 101.</summary>
    HttpStatus,
    Refused,
    UnknownHost,
    TimedOut,
    TlsFailure,
    /// <summary>The server broke the WebSocket handshake: a wrong accept key, a response that is not HTTP, a drop mid-answer.</summary>
    HandshakeError,
    Failed,
}

/// <summary>An attempt to connect and its outcome, with a one-line description for messages.</summary>
public sealed record ConnectionAttempt(Uri Url, ConnectionOutcome Outcome, HttpStatusCode? Status, string Description)
{
    public bool Succeeded => Outcome == ConnectionOutcome.Connected;

    /// <summary>Why it failed, in words that read on after the URL and a colon; null when only <see cref="Description"/> tells it.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// How the attempt ended as a clause that reads on inside a sentence, after "but":
    /// <c>nothing listened at ws://localhost:5/chat: connection refused</c>, <c>the server answered HTTP 404 Not Found</c>.
    /// </summary>
    public string Clause => (Outcome, Reason) switch
    {
        (ConnectionOutcome.Connected, _) => "it connected",
        (_, null) => $"it failed: {Format.Clause(Description)}",
        (ConnectionOutcome.Refused, _) => $"nothing listened at {Secrets.Url(Url)}: connection refused",
        (ConnectionOutcome.UnknownHost, var reason) => $"the address could not be resolved: {reason}",
        // A library's own words begin a sentence of their own; they are told after a clause of ours.
        (_, var reason) when reason.Length > 0 && char.IsUpper(reason[0]) => $"the handshake failed: {reason}",
        (_, var reason) => reason,
    };

    public static ConnectionAttempt Connected(Uri url) => new(url, ConnectionOutcome.Connected, HttpStatusCode.SwitchingProtocols, $"connected to {Secrets.Url(url)}");
}
