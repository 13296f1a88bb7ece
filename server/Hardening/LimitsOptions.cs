namespace BddWs.Server.Hardening;

/// <summary>
/// What one client may cost the server, from the configuration section <c>Limits</c>
/// (e.g. <c>--Limits:MaxConnections=50</c>). The defaults suit a test server on a developer machine.
/// </summary>
public sealed class LimitsOptions
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "Limits";

    /// <summary>
    /// How many WebSocket connections may be open at once, handshakes being answered included; the
    /// handshake of one more is refused with 503 before any upgrade.
    /// </summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>) whose pages may open WebSocket connections, as in
    /// <c>--Limits:AllowedOrigins:0=https://app.example.com</c>. When empty, only pages from the
    /// host and port the request was sent to. A handshake without an <c>Origin</c> header (a client
    /// that is not a browser) is always allowed.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
