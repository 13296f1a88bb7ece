using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace BddWs.Server.Endpoints;

/// <summary>
/// Finds a bearer token in a request: the <c>Authorization: Bearer</c> header, or the
/// <c>access_token</c> query parameter for clients (browsers) that cannot set headers on a handshake.
/// </summary>
public static class BearerToken
{
    /// <summary>The query parameter that may carry the token (RFC 6750, section 2.3).</summary>
    public const string QueryParameter = "access_token";

    /// <summary>True when either form carries exactly <paramref name="expected"/>.</summary>
    public static bool IsPresented(HttpRequest request, string expected) =>
        Offered(request).Any(token => SameToken(token, expected));

    /// <summary>Every token the request offers, the header's first, for services that look tokens up.</summary>
    public static IEnumerable<string> Offered(HttpRequest request)
    {
        foreach (var header in request.Headers.Authorization)
        {
            // The scheme is case-insensitive (RFC 7235); the token is not.
            if (AuthenticationHeaderValue.TryParse(header, out var value)
                && string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
                && value.Parameter is { } token)
            {
                yield return token;
            }
        }

        foreach (var token in request.Query[QueryParameter])
        {
            if (token is not null)
            {
                yield return token;
            }
        }
    }

    // Constant-time, so response timing does not reveal how much of a guess was right.
    private static bool SameToken(string offered, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(expected));
}
