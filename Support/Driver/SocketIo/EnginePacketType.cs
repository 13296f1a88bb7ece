namespace BddWs.Driver.SocketIo;

/// <summary>The packet types of Engine.IO protocol 4, the transport Socket.IO rides on: each is the first character of a text frame.</summary>
public enum EnginePacketType
{
    Open = 0,
    Close = 1,
    Ping = 2,
    Pong = 3,
    Message = 4,
    Upgrade = 5,
    Noop = 6,
}
