using Microsoft.Extensions.Options;

namespace BddWs.Server.Hardening;

/// <summary>
/// Which browser pages may open WebSocket connections (<see cref="LimitsOptions.AllowedOrigins"/>).
/// Browsers send cookies with a cross-site handshake, so without this check any web page could open
/// a connection in its visitor's name (cross-site WebSocket hijacking).
/// </summary>
public sealed class OriginPolicy(IOptions<LimitsOptions> options)
{
    private readonly HashSet<string> _allowed = [.. options.Value.AllowedOrigins.Select(origin => TryNormalize(origin, out var normalized) ? normalized : origin)];

    /// <summary>
    /// True for a request without an <c>Origin</c> header, or whose origin is listed, or (with no list)
    /// whose origin has the host and port the request was sent to.
    /// </summary>
    public bool Allows(HttpRequest request)
    {
        var origins = request.Headers.Origin;
        if (origins.Count == 0 || (origins.Count == 1 && string.IsNullOrEmpty(origins[0])))
        {
            return true;
        }

        if (origins.Count > 1 || !TryParse(origins[0], out var origin))
        {
            return false;
        }

        return _allowed.Count > 0 ? _allowed.Contains(Normalized(origin)) : IsSameHostAndPort(origin, request);
    }

    /// <summary>
    /// The canonical form of an origin such as <c>HTTPS://App.Example.com:443</c> (<c>https://app.example.com</c>);
    /// false when it is not an http(s) origin (scheme, host, optional port and nothing else).
    /// </summary>
    public static bool TryNormalize(string origin, out string normalized)
    {
        normalized = TryParse(origin, out var uri) ? Normalized(uri) : "";
        return normalized.Length > 0;
    }

    private static bool TryParse(string? origin, out Uri uri) =>
        Uri.TryCreate(origin, UriKind.Absolute, out uri!)
        && uri.Scheme is "http" or "https"
        && uri.UserInfo.Length == 0
        && uri.AbsolutePath == "/"
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0;

    private static string Normalized(Uri origin) => origin.GetLeftPart(UriPartial.Authority);

    // Scheme-less on purpose: behind TLS termination the request's scheme says little.
    private static bool IsSameHostAndPort(Uri origin, HttpRequest request) =>
        string.Equals(origin.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
        && origin.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));
}
