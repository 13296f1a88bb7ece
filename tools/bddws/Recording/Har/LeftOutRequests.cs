using System.Text.Json;
using static BddWs.Cli.Recording.Har.HarJson;

namespace BddWs.Cli.Recording.Har;

/// <summary>
/// The requests a browser makes for the page itself and what it is drawn with (scripts, styles,
/// images, fonts, media, the favicon): a product owner's session never means them. DevTools says what
/// each request was for (<c>_resourceType</c>); files from a proxy do not, and then the request's
/// <c>Sec-Fetch-Dest</c> header, the response's type or the URL's extension tells.
/// </summary>
internal static class LeftOutRequests
{
    private static readonly HashSet<string> ResourceTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "document", "stylesheet", "script", "image", "font", "media", "manifest", "texttrack",
    };

    private static readonly HashSet<string> Destinations = new(StringComparer.OrdinalIgnoreCase)
    {
        "document", "iframe", "frame", "style", "script", "image", "font", "audio", "video", "track", "manifest",
    };

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif",
        ".ico", ".bmp", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp4", ".webm", ".mp3",
    };

    private static readonly string[] MimeTypes =
    [
        "text/html", "text/css", "text/javascript", "application/javascript", "application/x-javascript", "image/", "font/",
        "audio/", "video/",
    ];

    public static bool IsLeftOut(JsonElement entry)
    {
        var request = entry.GetProperty("request");
        var url = new Uri(request.GetProperty("url").GetString()!);
        if (url.AbsolutePath.EndsWith("/favicon.ico", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Text(entry, "_resourceType") is { } type)
        {
            return ResourceTypes.Contains(type);
        }

        if (Header(request, "Sec-Fetch-Dest") is { } destination && destination != "empty")
        {
            return Destinations.Contains(destination);
        }

        var method = Text(request, "method") ?? "GET";
        if (!method.Equals("GET", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var mimeType = entry.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            && response.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
            ? Text(content, "mimeType")
            : null;
        return (mimeType is not null && MimeTypes.Any(m => mimeType.StartsWith(m, StringComparison.OrdinalIgnoreCase)))
            || Extensions.Contains(Path.GetExtension(url.AbsolutePath));
    }
}
