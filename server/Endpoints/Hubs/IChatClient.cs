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
}
