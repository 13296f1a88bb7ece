namespace BddWs.Server.Endpoints.SocketIo;

/// <summary>Settings of <c>/socket.io/</c>, from the configuration section <c>SocketIo</c> (e.g. <c>--SocketIo:Token=x</c>).</summary>
public sealed class SocketIoOptions
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "SocketIo";

    /// <summary>The token the <c>/chat</c> namespace wants in the connect packet's auth: <c>{"token":"…"}</c>.</summary>
    public string Token { get; set; } = "chat-secret";

    /// <summary>How often the server pings each client (Engine.IO's <c>pingInterval</c>).</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>How long the server waits for the pong before it drops the client (Engine.IO's <c>pingTimeout</c>).</summary>
    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
