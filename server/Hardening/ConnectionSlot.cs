namespace BddWs.Server.Hardening;

/// <summary>One admitted WebSocket connection in <see cref="WebSocketConnections"/>; disposing it gives the slot back.</summary>
public sealed class ConnectionSlot : IDisposable
{
    private readonly WebSocketConnections _owner;

    internal ConnectionSlot(WebSocketConnections owner) => _owner = owner;

    /// <summary>Gives the slot back: the connection's request has ended.</summary>
    public void Dispose() => _owner.Release(this);
}
