using System.Net.WebSockets;

namespace BddWs.Server.Endpoints;

/// <summary>
/// One connection in a chat room. What others send it waits in its own <see cref="Outbox"/>,
/// so a member that reads slowly, or not at all, holds up nobody but itself.
/// </summary>
public sealed class ChatMember : IAsyncDisposable
{
    private readonly ChatRooms _rooms;
    private readonly Outbox _outbox;
    private readonly Action _abortConnection;
    private WebSocket? _socket;

    internal ChatMember(ChatRooms rooms, string room, int queueLimit, Action abortConnection)
    {
        _rooms = rooms;
        Room = room;
        _outbox = new Outbox(queueLimit);
        _abortConnection = abortConnection;
    }

    /// <summary>The room this member is in.</summary>
    public string Room { get; }

    /// <summary>
    /// Starts delivering to <paramref name="socket"/>, which the member now owns: it is disposed
    /// after the member's last send.
    /// </summary>
    public void StartSending(WebSocket socket)
    {
        _socket = socket;
        _outbox.StartSending(socket, failure => _rooms.Drop(this, $"sending failed: {failure.Message}"));
    }

    /// <summary>Leaves the room, stops sending and releases the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        // Leave first: a message relayed after this is not delivered, rather than counted as a failure.
        _rooms.Leave(this);
        await _outbox.DisposeAsync();
        _socket?.Dispose();
    }

    internal bool TryDeliver(SocketMessage message) => _outbox.TryPost(message);

    internal void AbortConnection() => _abortConnection();
}
