namespace BddWs.Server.Endpoints;

/// <summary>
/// <c>/json</c>: a JSON API to test JSON assertions against. Each text message is parsed as JSON;
/// objects whose <c>type</c> names a command (greet, add, burst, delay, close, abort) run it,
/// anything else valid comes back as <c>{"type":"echo","received":value}</c>, and invalid JSON or a
/// binary message gets <c>{"type":"error","error":"..."}</c> with the connection left open.
/// Selects the subprotocol <see cref="SubProtocol"/> when the client offers it, and none otherwise.
/// </summary>
public static class JsonEndpoint
{
    /// <summary>Where the JSON API is served.</summary>
    public const string Path = "/json";

    /// <summary>The subprotocol selected when the client offers it.</summary>
    public const string SubProtocol = "bddws.json";

    /// <summary>Serves the JSON API at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapJson(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, ILoggerFactory loggers)
    {
        if (!await WebSocketRequests.IsWebSocketOrRejectAsync(context))
        {
            return;
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(offered ? SubProtocol : null);
        // Declared after the socket, so disposed before it: pending delayed replies stop first.
        await using var conversation = new JsonConversation(socket, context.RequestAborted);
        await MessageLoop.RunAsync(context, socket, loggers.CreateLogger(typeof(JsonEndpoint)), conversation.HandleAsync);
    }
}
