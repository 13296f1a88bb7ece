using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace BddWs.Server.Hardening;

/// <summary>
/// The server's WebSocket connections, each counted from the moment its handshake is admitted until
/// its request ends: the one count behind <see cref="LimitsOptions.MaxConnections"/>, <c>/health</c>
/// and the close frames sent on shutdown.
/// </summary>
public sealed class OpenWebSockets(IOptions<LimitsOptions> options)
{
    private readonly HashSet<ConnectionSlot> _open = [];
    private readonly Lock _gate = new();
    private bool _stopping;

    /// <summary>The close status every connection gets when the server stops: 1001 (GoingAway).</summary>
    public const WebSocketCloseStatus ShutdownStatus = WebSocketCloseStatus.EndpointUnavailable;

    /// <summary>The close reason every connection gets when the server stops.</summary>
    public const string ShutdownReason = "Server shutting down";

    /// <summary>How many connections are open now, handshakes being answered included.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>
    /// A slot for one more connection, to dispose when its request ends; null when the server is
    /// full or stopping.
    /// </summary>
    public ConnectionSlot? TryAdmit()
    {
        lock (_gate)
        {
            if (_stopping || _open.Count >= options.Value.MaxConnections)
            {
                return null;
            }

            var slot = new ConnectionSlot(this);
            _open.Add(slot);
            return slot;
        }
    }

    /// <summary>
    /// Sends 1001 (GoingAway) to every connection and to any accepted from now on, gives each
    /// <see cref="LimitsOptions.CloseTimeout"/> to answer and end, and aborts the ones that do not.
    /// Never fails.
    /// </summary>
    public Task CloseAllAsync()
    {
        List<(ConnectionSlot Slot, WebSocket Socket)> accepted;
        lock (_gate)
        {
            _stopping = true;
            accepted = [.. _open.Where(slot => slot.Socket is not null).Select(slot => (slot, slot.Socket!))];
        }

        return Task.WhenAll(accepted.Select(open => open.Slot.CloseForShutdownAsync(open.Socket, options.Value.CloseTimeout)));
    }

    internal void Accepted(ConnectionSlot slot, WebSocket socket)
    {
        bool stopping;
        lock (_gate)
        {
            slot.Socket = socket;
            stopping = _stopping;
        }

        if (stopping)
        {
            // Accepted after the close frames went out: it gets its own.
            _ = slot.CloseForShutdownAsync(socket, options.Value.CloseTimeout);
        }
    }

    internal void Release(ConnectionSlot slot)
    {
        lock (_gate)
        {
            _open.Remove(slot);
        }
    }
}
