using System.Collections.Concurrent;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>The orders of the whole server, in memory.</summary>
public sealed class OrderStore
{
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);

    /// <summary>Creates an order with a new id and the current time.</summary>
    public Order Create(string item, int quantity)
    {
        var order = new Order(RandomId.Create(12), item, quantity, Order.Created, UtcTime.Now());
        _orders[order.Id] = order;
        return order;
    }

    /// <summary>Keeps an order made elsewhere (on another instance), or puts back one whose removal was undone.</summary>
    public void Keep(Order order) => _orders[order.Id] = order;

    /// <summary>The order with this id, or null.</summary>
    public Order? Find(string id) => _orders.GetValueOrDefault(id);

    /// <summary>Removes the order with this id; false if there was none.</summary>
    public bool Remove(string id) => _orders.TryRemove(id, out _);
}
