namespace BddWs.Server.Endpoints;

/// <summary>
/// <c>/chat?room=name</c> (room <c>lobby</c> by default): every whole message a member sends is
/// relayed verbatim, text as text and binary as binary, to every other member of the same room.
/// Nothing goes back to the sender and nobody is announced.
/// </summary>
public static class ChatEndpoint
{
    /// <summary>Where the chat is served.</summary>
    public const string Path = "/chat";

    /// <summary>The query parameter that names the room.</summary>
    public const string RoomParameter = "room";

    /// <summary>The room of a connection that names none.</summary>
    public const string DefaultRoom = "lobby";

    /// <summary>Keeps the rooms, read from the <c>Chat</c> configuration section.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>()
            .Bind(configuration.GetSection(ChatOptions.Section))
            .Validate(chat => chat.QueueLimit > 0, "Chat:QueueLimit must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<ChatRooms>();
        return services;
    }

    /// <summary>Serves the chat at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, ChatRooms rooms, ILoggerFactory loggers)
    {
        if (!await WebSocketRequests.IsWebSocketOrRejectAsync(context))
        {
            return;
        }

        var room = context.Request.Query[RoomParameter].FirstOrDefault() is { Length: > 0 } named ? named : DefaultRoom;

        // Joined before the handshake completes: a client that has seen its 101 is in the room,
        // so a message sent to the room right after reaches it.
        await using var member = rooms.Join(room, context.Abort);
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        member.StartSending(socket);
        await MessageLoop.RunAsync(
            context,
            socket,
            loggers.CreateLogger(typeof(ChatEndpoint)),
            async (message, _) =>
            {
                await rooms.RelayAsync(member, message);
                return true;
            });
    }
}
