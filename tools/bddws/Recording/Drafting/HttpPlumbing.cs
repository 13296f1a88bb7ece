namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// HTTP requests the draft leaves out: a protocol's own (a SignalR negotiation, Socket.IO's
/// polling), a browser's (CORS preflights, pages, scripts, styles, images, fonts).
/// </summary>
internal static class HttpPlumbing
{
    private static readonly string[] AssetTypes = ["text/html", "javascript", "text/css", "image/", "font/", "video/", "audio/"];

    private static readonly string[] AssetExtensions = [".js", ".mjs", ".css", ".map", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".woff", ".woff2", ".ttf", ".html", ".htm", ".webp"];

    public static bool Is(HttpExchange exchange)
    {
        var path = exchange.Url.AbsolutePath;
        if (exchange.Method == "OPTIONS" || path.EndsWith("/negotiate", StringComparison.OrdinalIgnoreCase)
            || path.Contains("/socket.io/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (AssetExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var type = exchange.ResponseHeaders.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?.Value ?? "";
        return exchange.Method == "GET" && AssetTypes.Any(t => type.Contains(t, StringComparison.OrdinalIgnoreCase));
    }
}
