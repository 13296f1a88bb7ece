using BddWs.Server.Endpoints.Orders;

namespace BddWs.Server.Endpoints.Hubs;

/// <summary>What <see cref="OrdersHub"/> calls on its clients.</summary>
public interface IOrdersClient
{
    /// <summary>An order was created over HTTP: <c>{"id","item","quantity","status","createdAt"}</c>, as <c>GET /api/orders/{id}</c> shows it.</summary>
    Task OrderCreated(Order order);

    /// <summary>The order with this id was cancelled over HTTP.</summary>
    Task OrderCancelled(string id);
}
