namespace BddWs.Server.Endpoints.Hubs;

/// <summary>What <see cref="ChatHub"/> calls on its clients: the client methods a SignalR client listens for.</summary>
public interface IChatClient
{
    /// <summary>A message from <paramref name="user"/>, to everyone or to a group the client is in.</summary>
    Task ReceiveMessage(string user, string text);

    /// <summary><paramref name="user"/> joined <paramref name="group"/>; every member gets it, the one who joined included.</summary>
    Task UserJoined(string user, string group);

    /// <summary><paramref name="user"/> left <paramref name="group"/> (or disconnected); the members who stay get it.</summary>
    Task UserLeft(string user, string group);

    /// <summary>
    /// A question, answered by the client (a client result): its name, asked with a
    /// <paramref name="greeting"/>. The cancellation is the connection's and is not sent.
    /// </summary>
    Task<string> GetName(string greeting, CancellationToken cancellationToken);

    /// <summary>The hub welcomes the caller by the name it answered.</summary>
    Task Welcome(string name);

    /// <summary>The caller did not give its name: the error it answered, or SignalR's reason.</summary>
    Task NotWelcomed(string reason);
}
