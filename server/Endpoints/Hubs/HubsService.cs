using BddWs.Server.Hardening;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BddWs.Server.Endpoints.Hubs;

/// <summary>
/// The SignalR hubs <see cref="ChatHub"/> and <see cref="OrdersHub"/>, from ASP.NET Core's shared
/// framework, with the JSON hub protocol only and the WebSockets transport only: every hub
/// connection is then a WebSocket that the server's limits (<see cref="LimitsOptions"/>: origins,
/// connection count, frame checks, message size) guard as they guard every other endpoint.
/// </summary>
public static class HubsService
{
    /// <summary>
    /// How often the server sends a hub ping to a silent client. Not from <see cref="LimitsOptions"/>:
    /// SignalR clients give up on a server silent for 30 s by default, so this stays at SignalR's 15 s.
    /// </summary>
    public static readonly TimeSpan HubKeepAliveInterval = TimeSpan.FromSeconds(15);

    /// <summary>Adds SignalR with the hub options taken from <see cref="LimitsOptions"/>, and the token authentication of <see cref="OrdersHub"/>.</summary>
    public static IServiceCollection AddHubs(this IServiceCollection services)
    {
        services.AddSignalR();

        // AddSignalR switches the WebSocket pings off for every endpoint (SignalR has its own);
        // the server's keep-alive must stay on, hub connections included: it is what drops a
        // client stuck half-way through a frame.
        services.AddOptions<Microsoft.AspNetCore.Builder.WebSocketOptions>().PostConfigure<IOptions<LimitsOptions>>((webSockets, limits) =>
            webSockets.KeepAliveInterval = limits.Value.KeepAliveInterval);
        services.AddOptions<HubOptions>().Configure<IOptions<LimitsOptions>>((hubs, limits) =>
        {
            // A larger hub message is refused: the server closes the connection with an error.
            hubs.MaximumReceiveMessageSize = limits.Value.MaxMessageBytes;

            // The client's hub handshake is part of the handshake the limits bound.
            hubs.HandshakeTimeout = limits.Value.HandshakeTimeout;
            hubs.KeepAliveInterval = HubKeepAliveInterval;

            // A client silent for a keep-alive interval and the time allowed for an answer is gone,
            // as on every other WebSocket of the server. Official clients ping every 15 s.
            hubs.ClientTimeoutInterval = limits.Value.KeepAliveInterval + limits.Value.KeepAliveTimeout;

            // The text of an exception stays on the server; a client sees only what a HubException says.
            hubs.EnableDetailedErrors = false;
        });
        services.AddSingleton<ChatRoster>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SessionTokenAuthentication>(SessionTokenAuthentication.SchemeName, null);
        services.AddAuthorization();
        return services;
    }

    /// <summary>Serves <see cref="ChatHub.Path"/> and <see cref="OrdersHub.Path"/>.</summary>
    public static IEndpointRouteBuilder MapHubs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<ChatHub>(ChatHub.Path, WebSocketsOnly);
        endpoints.MapHub<OrdersHub>(OrdersHub.Path, WebSocketsOnly);
        return endpoints;
    }

    // Server-sent events and long polling would be plain HTTP requests, out of reach of the WebSocket limits.
    private static void WebSocketsOnly(HttpConnectionDispatcherOptions options) => options.Transports = HttpTransportType.WebSockets;
}
