using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// <c>/orders</c>: the orders service over WebSocket, for a token from <see cref="LoginEndpoint"/>
/// (<c>Authorization: Bearer</c> or <c>?access_token=</c>; otherwise 401 with
/// <c>WWW-Authenticate: Bearer</c>, no upgrade). The handshake answers with <see cref="SessionHeader"/>;
/// the first message is <c>{"type":"welcome","user":"ada","session":"same id"}</c>, then
/// heartbeats, replies to commands (<see cref="OrdersConversation"/>) and, once subscribed, order events.
/// </summary>
public static class OrdersSocketEndpoint
{
    /// <summary>Where the WebSocket side of the service is served.</summary>
    public const string Path = "/orders";

    /// <summary>The handshake response header naming the connection's session, as the welcome message does.</summary>
    public const string SessionHeader = "X-Session-Id";

    /// <summary>Serves the WebSocket side at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapOrdersSocket(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext context, SessionTokens tokens, OrderEvents events, OrderStore store, IOptions<OrdersOptions> options, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(OrdersSocketEndpoint));
        if (tokens.UserOf(context.Request) is not { } user)
        {
            log.LogInformation("Refused a request without a valid token");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return;
        }

        if (!await WebSocketRequests.IsWebSocketOrRejectAsync(context))
        {
            return;
        }

        var session = RandomId.Create(12);
        context.Response.Headers[SessionHeader] = session;

        // Queued before the handshake completes, so the welcome is the first message, ahead of any heartbeat.
        await using var connection = events.Connect(context.Abort);
        connection.Send(OrderMessages.Welcome(user, session));
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        connection.StartSending(socket, options.Value.HeartbeatInterval);
        await MessageLoop.RunAsync(context, socket, log, new OrdersConversation(connection, store).HandleAsync);
    }
}
