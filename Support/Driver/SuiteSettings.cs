using System.Globalization;

namespace BddWs.Driver;

/// <summary>
/// The suite's settings, read once from the environment:
/// <list type="bullet">
/// <item><c>BDDWS_SERVER_URL</c>: the base URL of a running service to test (e.g. <c>ws://127.0.0.1:8765/ws</c>), which
/// "connected to the echo server" opens as it is and against whose host paths in features resolve; set, it always wins;
/// unset, the suite tests the service it hosts (BddWs.Hosting), if any.</item>
/// <item><c>BDDWS_TIMEOUT_MS</c>: how long a step waits for what it expects (default 2000); also how long a send or
/// a close may take before the connection is dropped.</item>
/// <item><c>BDDWS_CONNECT_TIMEOUT_MS</c>: how long a handshake may take (default 5000).</item>
/// <item><c>BDDWS_TRUST_CERT</c>: a certificate file (.cer, .crt, .pem) that wss:// connections trust besides
/// the machine's own authorities, e.g. a test server's self-signed certificate.</item>
/// <item><c>BDDWS_MAX_MESSAGE_BYTES</c>: the largest message the client accepts from a server (default 16 MiB);
/// a larger one fails the connection before it is buffered, so a server cannot exhaust the test host's memory.</item>
/// <item><c>BDDWS_HTTP_URL</c>: where HTTP paths go (e.g. <c>http://127.0.0.1:5000</c>, or <c>http://gateway/api</c>
/// to put a prefix before every path); unset, the host and port of the server under test (ws becomes http, wss https).</item>
/// <item><c>BDDWS_CONTRACT_FORMATS</c>: <c>assert</c> to hold messages to the <c>format</c> of a contract's payload schemas
/// (<c>email</c>, <c>date-time</c>, <c>uuid</c> …); unset or <c>annotate</c>, <c>format</c> is an annotation, as draft-07 says.</item>
/// <item><c>BDDWS_SERVERS</c>: named instances of the service, <c>a=ws://host:5001/;b=ws://host:5002/</c>, each a base URL
/// as <c>BDDWS_SERVER_URL</c> is, for sentences that say "on instance "b""; set, they win over instances the suite hosts.</item>
/// </list>
/// </summary>
public sealed record SuiteSettings(
    Uri? ServerUrl, TimeSpan Timeout, TimeSpan ConnectTimeout, string? TrustedCertificatePath = null, long MaxMessageBytes = SuiteSettings.DefaultMaxMessageBytes,
    Uri? HttpUrl = null, bool ContractFormatsAsserted = false, IReadOnlyDictionary<string, Uri>? Servers = null)
{
    public const long DefaultMaxMessageBytes = 16 * 1024 * 1024;
    public const string ServerUrlVariable = "BDDWS_SERVER_URL";
    public const string TimeoutVariable = "BDDWS_TIMEOUT_MS";
    public const string ConnectTimeoutVariable = "BDDWS_CONNECT_TIMEOUT_MS";
    public const string TrustCertificateVariable = "BDDWS_TRUST_CERT";
    public const string MaxMessageBytesVariable = "BDDWS_MAX_MESSAGE_BYTES";
    public const string HttpUrlVariable = "BDDWS_HTTP_URL";
    public const string ContractFormatsVariable = "BDDWS_CONTRACT_FORMATS";
    public const string ServersVariable = ServiceInstances.Variable;

    public static SuiteSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    /// <summary>Reads settings through <paramref name="read"/>; a bad value throws, naming the setting.</summary>
    public static SuiteSettings From(Func<string, string?> read) => new(
        ServerUrlFrom(read(ServerUrlVariable)),
        MillisecondsFrom(TimeoutVariable, read(TimeoutVariable), TimeSpan.FromSeconds(2)),
        MillisecondsFrom(ConnectTimeoutVariable, read(ConnectTimeoutVariable), TimeSpan.FromSeconds(5)),
        CertificatePathFrom(read(TrustCertificateVariable)),
        BytesFrom(MaxMessageBytesVariable, read(MaxMessageBytesVariable), DefaultMaxMessageBytes),
        HttpUrlFrom(read(HttpUrlVariable)),
        FormatsAssertedFrom(read(ContractFormatsVariable)),
        ServersFrom(read(ServersVariable)));

    /// <summary>Checks a WebSocket URL, whether from a setting or from a feature.</summary>
    public static bool TryParseWebSocketUrl(string? text, out Uri url)
    {
        url = null!;
        return Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed)
               && parsed.Scheme is "ws" or "wss"
               && !string.IsNullOrEmpty(parsed.Host)
               && (url = parsed) is not null;
    }

    /// <summary>Checks an HTTP URL, whether from a setting or from a feature.</summary>
    public static bool TryParseHttpUrl(string? text, out Uri url)
    {
        url = null!;
        return Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed)
               && parsed.Scheme is "http" or "https"
               && !string.IsNullOrEmpty(parsed.Host)
               && (url = parsed) is not null;
    }

    private static Uri? HttpUrlFrom(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TryParseHttpUrl(value, out var url)
            ? url
            : throw new InvalidOperationException(
                $"{HttpUrlVariable} must be an http:// or https:// URL such as http://127.0.0.1:5000, but it is \"{value}\".");
    }

    private static Uri? ServerUrlFrom(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TryParseWebSocketUrl(value, out var url)
            ? url
            : throw new InvalidOperationException(
                $"{ServerUrlVariable} must be a ws:// or wss:// URL such as ws://127.0.0.1:8765/ws, but it is \"{value}\".");
    }

    private static IReadOnlyDictionary<string, Uri>? ServersFrom(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        const string Example = "as in a=ws://localhost:5001/;b=ws://localhost:5002/";
        var servers = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var entry in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=');
            var name = equals > 0 ? entry[..equals].Trim() : "";
            if (name.Length == 0)
            {
                throw new InvalidOperationException($"{ServersVariable} must give each instance a name before its URL, {Example}, but it has \"{entry}\".");
            }

            var text = entry[(equals + 1)..].Trim();
            if (!TryParseWebSocketUrl(text, out var url))
            {
                throw new InvalidOperationException($"{ServersVariable} must give each instance a ws:// or wss:// URL, {Example}, but the instance \"{name}\" has \"{text}\".");
            }

            if (!servers.TryAdd(name, url))
            {
                throw new InvalidOperationException($"{ServersVariable} names the instance \"{name}\" twice; name each instance once, {Example}.");
            }
        }

        return servers;
    }

    private static bool FormatsAssertedFrom(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "annotate" => false,
        "assert" => true,
        _ => throw new InvalidOperationException($"{ContractFormatsVariable} must be assert or annotate, but it is \"{value}\"."),
    };

    private static string? CertificatePathFrom(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : File.Exists(value) ? Path.GetFullPath(value)
        : throw new InvalidOperationException($"{TrustCertificateVariable} names a certificate file that does not exist: \"{value}\".");

    private static long BytesFrom(string name, string? value, long fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
            ? bytes
            : throw new InvalidOperationException($"{name} must be a whole number of bytes above 0, such as 16777216 (16 MiB), but it is \"{value}\".");
    }

    private static TimeSpan MillisecondsFrom(string name, string? value, TimeSpan fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(ms)
            : throw new InvalidOperationException($"{name} must be a whole number of milliseconds above 0, but it is \"{value}\".");
    }
}
