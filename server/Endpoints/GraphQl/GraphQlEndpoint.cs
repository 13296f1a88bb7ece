namespace BddWs.Server.Endpoints.GraphQl;

/// <summary>
/// GraphQL over WebSocket at <c>/graphql</c>, in the <c>graphql-transport-ws</c> protocol of graphql-ws, executing
/// <see cref="OrdersGraphSchema"/>. A <c>connection_init</c> whose payload carries a <c>token</c> is accepted only
/// with <see cref="Token"/> (4403 otherwise); one without a token is accepted.
/// </summary>
public static class GraphQlEndpoint
{
    /// <summary>Where GraphQL is served.</summary>
    public const string Path = "/graphql";

    /// <summary>The subprotocol spoken.</summary>
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>The one token an init payload may carry.</summary>
    public const string Token = "s3cret";

    /// <summary>How long a client may take to send <c>connection_init</c> before the server closes with 4408.</summary>
    public static readonly TimeSpan InitWait = TimeSpan.FromSeconds(3);

    /// <summary>The orders the schema serves, shared by every connection.</summary>
    public static IServiceCollection AddGraphQl(this IServiceCollection services) =>
        services.AddSingleton<GraphOrderBook>().AddSingleton<OrdersGraphSchema>();

    /// <summary>Serves GraphQL over WebSocket at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapGraphQl(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, (HttpContext context, OrdersGraphSchema schema, ILoggerFactory loggers) => ServeAsync(context, schema, loggers.CreateLogger(typeof(GraphQlEndpoint))));
        return endpoints;
    }

    private static async Task ServeAsync(HttpContext context, OrdersGraphSchema schema, ILogger log)
    {
        if (!await WebSocketRequests.IsWebSocketOrRejectAsync(context))
        {
            return;
        }

        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            await refused.CloseAsync((System.Net.WebSockets.WebSocketCloseStatus)4406, "Subprotocol not acceptable", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
        using var conversation = new GraphQlConversation(socket, schema, context.RequestAborted);
        await MessageLoop.RunAsync(context, socket, log, conversation.HandleAsync);
    }
}
