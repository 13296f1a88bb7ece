namespace BddWs.Server.Endpoints.SocketIo;

/// <summary>Who is connected to the <c>/chat</c> namespace, for the whole server, and the ids of orders taken.</summary>
public sealed class SocketIoChat
{
    private readonly List<SocketIoClient> _members = [];
    private readonly Lock _gate = new();
    private long _lastOrder;

    public void Join(SocketIoClient client)
    {
        lock (_gate)
        {
            _members.Add(client);
        }
    }

    public void Leave(SocketIoClient client)
    {
        lock (_gate)
        {
            _members.Remove(client);
        }
    }

    /// <summary>Everyone in the namespace but <paramref name="sender"/>.</summary>
    public IReadOnlyList<SocketIoClient> Others(SocketIoClient sender)
    {
        lock (_gate)
        {
            return [.. _members.Where(member => member != sender)];
        }
    }

    /// <summary>A new order id: <c>order-1</c>, <c>order-2</c>, …</summary>
    public string NextOrderId() => $"order-{Interlocked.Increment(ref _lastOrder)}";
}
