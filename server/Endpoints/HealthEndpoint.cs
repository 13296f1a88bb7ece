using BddWs.Server.Hardening;

namespace BddWs.Server.Endpoints;

/// <summary>
/// <c>GET /health</c>: <c>{"status":"ok","connections":N}</c>, N being the WebSocket connections
/// open now on all endpoints (the count <see cref="LimitsOptions.MaxConnections"/> limits).
/// </summary>
public static class HealthEndpoint
{
    /// <summary>Where the health report is served.</summary>
    public const string Path = "/health";

    /// <summary>Serves the health report at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (OpenWebSockets connections) => Results.Json(new { status = "ok", connections = connections.Count }));
        return endpoints;
    }
}
