using Microsoft.Extensions.Options;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// Every <c>/orders</c> connection of the server, and the fan-out of order events to those that
/// subscribed. Publishing is a snapshot of the connections then a queue per connection, so no
/// connection's sends happen under the lock or hold up another.
/// </summary>
public sealed class OrderFeed(IOptions<OrdersOptions> options, ILogger<OrderFeed> log)
{
    /// <summary>The one topic there is.</summary>
    public const string Topic = "orders";

    private readonly HashSet<OrdersConnection> _connections = [];
    private readonly Lock _gate = new();

    /// <summary>How many connections there are now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>
    /// Adds a connection. <paramref name="abortConnection"/> drops it if it cannot keep up.
    /// Dispose it to leave.
    /// </summary>
    public OrdersConnection Connect(Action abortConnection)
    {
        var connection = new OrdersConnection(this, options.Value.QueueLimit, abortConnection);
        lock (_gate)
        {
            _connections.Add(connection);
        }

        return connection;
    }

    /// <summary>
    /// Queues an event for every subscribed connection; <paramref name="numberedEvent"/> makes it
    /// from the connection's next <c>seq</c>.
    /// </summary>
    public void Publish(Func<int, SocketMessage> numberedEvent)
    {
        OrdersConnection[] connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }

        foreach (var connection in connections)
        {
            connection.Deliver(numberedEvent);
        }
    }

    /// <summary>Removes a connection; false if it had already left.</summary>
    public bool Leave(OrdersConnection connection)
    {
        lock (_gate)
        {
            return _connections.Remove(connection);
        }
    }

    /// <summary>Removes a connection that cannot keep up and cuts it, once.</summary>
    public void Drop(OrdersConnection connection, string reason)
    {
        if (Leave(connection))
        {
            log.LogWarning("Dropped an orders connection: {Reason}", reason);
            connection.AbortConnection();
        }
    }
}
