using System.Security.Cryptography.X509Certificates;

namespace BddWs.Driver;

/// <summary>
/// Handshake options collected by "Given the request header …" style steps, used by the next
/// connection the scenario opens and then cleared.
/// </summary>
public sealed class PendingOptions
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _everyHeaders = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KeyValuePair<string, string>> _query = [];
    private readonly List<string> _subProtocols = [];

    /// <summary>Adds a header; <c>${NAME}</c> in the value is read from the environment.</summary>
    public void AddHeader(string name, string value) => _headers[name] = Secrets.Expand(value);

    /// <summary>
    /// Adds a header that every later connection sends, not only the next; a header for the next
    /// connection alone, of the same name, wins for that one.
    /// </summary>
    public void AddHeaderForEvery(string name, string value) => _everyHeaders[name] = Secrets.Expand(value);

    /// <summary>Adds a query parameter; <c>${NAME}</c> in the value is read from the environment.</summary>
    public void AddQuery(string name, string value) => _query.Add(new(name, Secrets.Expand(value)));

    public void AddSubProtocol(string subProtocol) => _subProtocols.Add(subProtocol);

    /// <summary>The options gathered so far, for one connection; the next one starts afresh.</summary>
    public ConnectionOptions Take(TimeSpan connectTimeout, X509Certificate2? trustedCertificate = null, long maxMessageBytes = SuiteSettings.DefaultMaxMessageBytes)
    {
        var options = new ConnectionOptions
        {
            TrustedCertificate = trustedCertificate,
            Headers = new Dictionary<string, string>(_everyHeaders.Where(h => !_headers.ContainsKey(h.Key)).Concat(_headers), StringComparer.OrdinalIgnoreCase),
            Query = [.. _query],
            SubProtocols = [.. _subProtocols],
            ConnectTimeout = connectTimeout,
            MaxMessageBytes = maxMessageBytes,
        };
        _headers.Clear();
        _query.Clear();
        _subProtocols.Clear();
        return options;
    }
}
