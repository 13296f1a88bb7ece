using System.Net;

namespace BddWs.Specs.Support.Driver;

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

    public static ConnectionAttempt Connected(Uri url) => new(url, ConnectionOutcome.Connected, HttpStatusCode.SwitchingProtocols, $"connected to {Secrets.Url(url)}");
}
