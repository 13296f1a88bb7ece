namespace BddWs.Cli.Recording.Drafting;

/// <summary>How a recorded WebSocket connection talks: plain messages, or a protocol the catalog has sentences for.</summary>
internal enum Dialect
{
    Plain,
    Hub,
    GraphQl,
    SocketIo,
}
