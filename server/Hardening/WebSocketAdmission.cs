using Microsoft.AspNetCore.Http.Features;

namespace BddWs.Server.Hardening;

/// <summary>
/// Decides, before any upgrade, whether a WebSocket handshake may go on: 403 for an origin the
/// <see cref="OriginPolicy"/> refuses, 503 when <see cref="LimitsOptions.MaxConnections"/> are open
/// (or the server is stopping); otherwise the connection is counted until its request ends.
/// </summary>
public sealed class WebSocketAdmission(RequestDelegate next, OpenWebSockets connections, OriginPolicy origins, ILogger<WebSocketAdmission> log)
{
    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        if (!origins.Allows(context.Request))
        {
            log.LogInformation("Refused a WebSocket handshake from origin {Origin}", context.Request.Headers.Origin.ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        using var slot = connections.TryAdmit();
        if (slot is null)
        {
            log.LogInformation("Refused a WebSocket handshake: no room for another connection");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Features.Set<IHttpWebSocketFeature>(new TrackedWebSocketFeature(context.Features.GetRequiredFeature<IHttpWebSocketFeature>(), slot));
        await next(context);
    }
}
