using BddWs.Server.Hardening;
using BddWs.Server.ScaleOut;

namespace BddWs.Server.Endpoints;

/// <summary>
/// <c>GET /health</c>: <c>{"status":"ok","connections":N}</c>, N being the WebSocket connections
/// open now on all endpoints (the count <see cref="LimitsOptions.MaxConnections"/> limits). Scaled out
/// on Redis it adds <c>"redis":"connected"</c>, or <c>"redis":"unreachable"</c> with
/// <c>"status":"degraded"</c>: the instance still serves its own clients, but cannot reach the others.
/// </summary>
public static class HealthEndpoint
{
    /// <summary>Where the health report is served.</summary>
    public const string Path = "/health";

    /// <summary>Serves the health report at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (OpenWebSockets connections, IInstanceBus instances) => instances.RedisState is { } redis
            ? Results.Json(new { status = redis == "connected" ? "ok" : "degraded", connections = connections.Count, redis })
            : Results.Json(new { status = "ok", connections = connections.Count }));
        return endpoints;
    }
}
