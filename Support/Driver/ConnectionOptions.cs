using System.Security.Cryptography.X509Certificates;

namespace BddWs.Driver;

/// <summary>What the client asks for in the handshake.</summary>
public sealed record ConnectionOptions
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Added to the URL's query string.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public IReadOnlyList<string> SubProtocols { get; init; } = [];

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest message the client accepts from the server, in one frame or several; a larger one fails the connection.</summary>
    public long MaxMessageBytes { get; init; } = SuiteSettings.DefaultMaxMessageBytes;

    /// <summary>How long a send or the closing handshake may take before the connection is dropped: a step's patience.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The protocol spoken over this connection (<see cref="Dialects.IDialect"/>); null for plain WebSocket
    /// messages. With one, every text frame received is split into the dialect's records and each is
    /// recorded as one message; every text sent is one record, framed by the dialect on the wire; and
    /// the dialect's plumbing is left out of what sentences judge.
    /// </summary>
    public Dialects.IDialect? Dialect { get; init; }

    /// <summary>
    /// The named instance of the service the connection was opened on ("… on instance "b""); null for the
    /// server under test. A reconnect asks for the same options, so it goes back to the same instance.
    /// </summary>
    public string? Instance { get; init; }

    /// <summary>A certificate wss:// connections accept even though no authority of the machine vouches for it.</summary>
    public X509Certificate2? TrustedCertificate { get; init; }

    /// <summary><paramref name="url"/> with <see cref="Query"/> appended to what it already has.</summary>
    public Uri Apply(Uri url)
    {
        if (Query.Count == 0)
        {
            return url;
        }

        var added = string.Join("&", Query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var existing = url.Query.TrimStart('?');
        return new UriBuilder(url) { Query = existing.Length == 0 ? added : $"{existing}&{added}" }.Uri;
    }
}
