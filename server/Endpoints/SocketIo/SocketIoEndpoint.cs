using Microsoft.Extensions.Options;

namespace BddWs.Server.Endpoints.SocketIo;

/// <summary>
/// <c>/socket.io/?EIO=4&amp;transport=websocket</c>: a small Socket.IO server of its own (protocol 5 over
/// Engine.IO 4, the WebSocket transport only, no long-polling), with a demo namespace <c>/chat</c>
/// (<see cref="SocketIoClient"/>).
/// </summary>
public static class SocketIoEndpoint
{
    /// <summary>Where Socket.IO is served, as Socket.IO servers serve it by default.</summary>
    public const string Path = "/socket.io/";

    /// <summary>Keeps the chat namespace, with settings from the <c>SocketIo</c> configuration section.</summary>
    public static IServiceCollection AddSocketIo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SocketIoOptions>()
            .Bind(configuration.GetSection(SocketIoOptions.Section))
            .Validate(o => o.PingInterval > TimeSpan.Zero && o.PingTimeout > TimeSpan.Zero, "SocketIo:PingInterval and SocketIo:PingTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SocketIoChat>();
        return services;
    }

    /// <summary>Serves Socket.IO at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapSocketIo(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, SocketIoChat chat, IOptions<SocketIoOptions> options, ILoggerFactory loggers)
    {
        // As Socket.IO servers answer: a JSON error with Engine.IO's code.
        var query = context.Request.Query;
        if (query["EIO"] != "4" || query["transport"] != "websocket")
        {
            var (code, message) = query["EIO"] != "4" ? (5, "Unsupported protocol version") : (0, "Transport unknown");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { code, message }, context.RequestAborted);
            return;
        }

        if (!await WebSocketRequests.IsWebSocketOrRejectAsync(context))
        {
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        await using var client = new SocketIoClient(chat, options.Value, context.Abort);
        client.Start(socket);
        await MessageLoop.RunAsync(context, socket, loggers.CreateLogger(typeof(SocketIoEndpoint)), client.HandleAsync);
    }
}
