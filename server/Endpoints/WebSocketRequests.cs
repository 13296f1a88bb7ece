namespace BddWs.Server.Endpoints;

/// <summary>What every WebSocket endpoint does with a request that is not a WebSocket handshake.</summary>
public static class WebSocketRequests
{
    /// <summary>The only WebSocket protocol version the server speaks (RFC 6455).</summary>
    public const string SupportedVersion = "13";

    /// <summary>
    /// True for a WebSocket handshake. Otherwise answers and returns false: 426 with
    /// <c>Sec-WebSocket-Version: 13</c> to a handshake for another protocol version (RFC 6455,
    /// section 4.4), 400 to anything else (a browser or curl hitting the URL learns why nothing happens).
    /// </summary>
    public static async Task<bool> IsWebSocketOrRejectAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            return true;
        }

        if (AsksForAnotherVersion(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            context.Response.Headers.SecWebSocketVersion = SupportedVersion;
            await context.Response.WriteAsync($"This endpoint speaks WebSocket version {SupportedVersion} only.", context.RequestAborted);
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsync("This endpoint speaks WebSocket only.", context.RequestAborted);
        return false;
    }

    private static bool AsksForAnotherVersion(HttpRequest request)
    {
        var versions = request.Headers.GetCommaSeparatedValues("Sec-WebSocket-Version");
        return versions.Length > 0
            && !versions.Contains(SupportedVersion, StringComparer.Ordinal)
            && request.Headers.GetCommaSeparatedValues("Upgrade").Contains("websocket", StringComparer.OrdinalIgnoreCase);
    }
}
