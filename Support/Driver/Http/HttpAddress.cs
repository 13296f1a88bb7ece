namespace BddWs.Driver.Http;

/// <summary>
/// Where a request goes. A path (<c>/api/orders</c>) is put after <c>BDDWS_HTTP_URL</c> when set
/// (so <c>http://gateway/v1</c> makes <c>http://gateway/v1/api/orders</c>), or else on the host and
/// port of the server under test, ws becoming http and wss https; an http:// or https:// URL is
/// taken as it is.
/// </summary>
public static class HttpAddress
{
    /// <exception cref="ArgumentException">Neither a path nor an HTTP URL, with what to write instead.</exception>
    public static Uri Resolve(string pathOrUrl, SuiteSettings settings, ServerUnderTest server)
    {
        if (SuiteSettings.TryParseHttpUrl(pathOrUrl, out var absolute))
        {
            return absolute;
        }

        if (!pathOrUrl.StartsWith('/') || pathOrUrl.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"\"{pathOrUrl}\" is neither a path on the server under test (such as /api/orders) nor an http:// or https:// URL.");
        }

        var root = settings.HttpUrl ?? new UriBuilder(server.EchoUrl)
        {
            Scheme = server.EchoUrl.Scheme == "wss" ? "https" : "http",
            Path = "",
            Query = "",
        }.Uri;
        return new Uri(root.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathOrUrl);
    }
}
