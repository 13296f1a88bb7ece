namespace BddWs.Driver.SocketIo;

/// <summary>The packet types of Socket.IO protocol 5, carried in Engine.IO message packets.</summary>
public enum SocketIoPacketType
{
    Connect = 0,
    Disconnect = 1,
    Event = 2,
    Ack = 3,
    ConnectError = 4,
    BinaryEvent = 5,
    BinaryAck = 6,
}
