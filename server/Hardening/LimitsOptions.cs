namespace BddWs.Server.Hardening;

/// <summary>
/// What one client may cost the server, from the configuration section <c>Limits</c>
/// (e.g. <c>--Limits:MaxMessageBytes=65536</c>). The defaults suit a test server on a developer machine.
/// </summary>
public sealed class LimitsOptions
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "Limits";

    /// <summary>The largest message a client may send, in bytes; a larger one is answered with close 1009 (MessageTooBig).</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How many WebSocket connections may be open at once, handshakes being answered included; the
    /// handshake of one more is refused with 503 before any upgrade.
    /// </summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>How long a connection may stay silent before the server pings the client.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the server waits for the pong to its ping. A client that does not answer in time is
    /// gone, or stuck half-way through a frame (a pong cannot be sent inside a frame): the framework
    /// then aborts the connection, with no close frame (the client sees a TCP reset).
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a client may take to send its whole handshake request (Kestrel's request headers
    /// timeout); after it Kestrel answers 408 and closes the connection.
    /// </summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the server waits for the client's close frame after sending its own (message too big,
    /// protocol violation, shutdown) before it drops the connection.
    /// </summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>) whose pages may open WebSocket connections, as in
    /// <c>--Limits:AllowedOrigins:0=https://app.example.com</c>. When empty, only pages from the
    /// host and port the request was sent to. A handshake without an <c>Origin</c> header (a client
    /// that is not a browser) is always allowed.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
