namespace BddWs.Driver.Http;

/// <summary>
/// Where a request goes. A path (<c>/api/orders</c>) is put after <c>BDDWS_HTTP_URL</c> when set
/// (so <c>http://gateway/v1</c> makes <c>http://gateway/v1/api/orders</c>), or else on the host and
/// port of the server under test, ws becoming http and wss https; an http:// or https:// URL is
/// taken as it is. A path on a named instance of the service goes to the instance's host and port,
/// ws becoming http and wss https, whatever <c>BDDWS_HTTP_URL</c> says.
/// </summary>
public static class HttpAddress
{
    /// <exception cref="ArgumentException">Neither a path nor an HTTP URL, with what to write instead.</exception>
    public static Uri Resolve(string pathOrUrl, SuiteSettings settings, ServerUnderTest server) =>
        Resolve(pathOrUrl, () => settings.HttpUrl ?? HttpRoot(server.EchoUrl));

    /// <summary>A path on the instance <paramref name="instance"/> of the service, or an http:// or https:// URL as it is.</summary>
    /// <exception cref="ArgumentException">Neither a path nor an HTTP URL, or no instance of that name; the message says what to write.</exception>
    public static Uri Resolve(string pathOrUrl, ServiceInstances instances, string instance)
    {
        // Asked first: an instance that does not exist is the mistake to tell, even before a full URL.
        var root = HttpRoot(instances.BaseUrl(instance));
        return Resolve(pathOrUrl, () => root);
    }

    private static Uri HttpRoot(Uri webSocketUrl) => new UriBuilder(webSocketUrl)
    {
        Scheme = webSocketUrl.Scheme == "wss" ? "https" : "http",
        Path = "",
        Query = "",
    }.Uri;

    private static Uri Resolve(string pathOrUrl, Func<Uri> rootOf)
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

        var root = rootOf();
        return new Uri(root.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathOrUrl);
    }
}
