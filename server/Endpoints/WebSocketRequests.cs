namespace BddWs.Server.Endpoints;

/// <summary>What every WebSocket endpoint does with a request that is not a WebSocket handshake.</summary>
public static class WebSocketRequests
{
    /// <summary>
    /// True for a WebSocket handshake; otherwise answers 400 (a browser or curl hitting the URL
    /// learns why nothing happens) and returns false.
    /// </summary>
    public static async Task<bool> IsWebSocketOrRejectAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            return true;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsync("This endpoint speaks WebSocket only.", context.RequestAborted);
        return false;
    }
}
