using Microsoft.Extensions.Options;

namespace BddWs.Server.Hardening;

/// <summary>
/// The server's WebSocket connections, each counted from the moment its handshake is admitted until
/// its request ends: the one count behind <see cref="LimitsOptions.MaxConnections"/> and <c>/health</c>.
/// </summary>
public sealed class WebSocketConnections(IOptions<LimitsOptions> options)
{
    private readonly HashSet<ConnectionSlot> _open = [];
    private readonly Lock _gate = new();

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
    /// A slot for one more connection, to dispose when its request ends; null when the server is full.
    /// </summary>
    public ConnectionSlot? TryAdmit()
    {
        lock (_gate)
        {
            if (_open.Count >= options.Value.MaxConnections)
            {
                return null;
            }

            var slot = new ConnectionSlot(this);
            _open.Add(slot);
            return slot;
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
