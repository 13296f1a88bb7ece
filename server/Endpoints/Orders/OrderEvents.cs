using System.Text.Json;
using BddWs.Server.ScaleOut;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// Orders created and cancelled, told to the <c>/orders</c> subscribers of every instance. The other
/// instances are told first: when they cannot be, nothing is announced here either and the caller
/// undoes the change, so no instance hears of an order the others never will. What another instance
/// tells this one is kept in the <see cref="OrderStore"/> too, so every instance can show the order.
/// The hub's events need none of this: SignalR's backplane carries them.
/// </summary>
public sealed class OrderEvents
{
    /// <summary>The topic order events travel on between instances.</summary>
    public const string Topic = "orders";

    private readonly OrderFeed _feed;
    private readonly OrderStore _store;
    private readonly IInstanceBus _instances;
    private readonly ILogger<OrderEvents> _log;

    public OrderEvents(OrderFeed feed, OrderStore store, IInstanceBus instances, ILogger<OrderEvents> log)
    {
        (_feed, _store, _instances, _log) = (feed, store, instances, log);
        instances.Subscribe(Topic, FromAnotherInstance);
    }

    /// <summary>
    /// Adds an <c>/orders</c> connection to the feed (see <see cref="OrderFeed.Connect"/>). Through
    /// here, so that an instance whose connections hear of orders listens to the other instances
    /// from its first connection on, before any order is made here.
    /// </summary>
    public OrdersConnection Connect(Action abortConnection) => _feed.Connect(abortConnection);

    /// <summary>Announces a new order everywhere; false when the other instances could not be told (then nobody was).</summary>
    public async Task<bool> CreatedAsync(Order order)
    {
        if (!await TellOtherInstancesAsync(new OrderTravel(order, null)))
        {
            return false;
        }

        _feed.Publish(seq => OrderMessages.Created(seq, order));
        return true;
    }

    /// <summary>Announces a cancelled order everywhere; false when the other instances could not be told (then nobody was).</summary>
    public async Task<bool> CancelledAsync(string id)
    {
        if (!await TellOtherInstancesAsync(new OrderTravel(null, id)))
        {
            return false;
        }

        _feed.Publish(seq => OrderMessages.Cancelled(seq, id));
        return true;
    }

    private async Task<bool> TellOtherInstancesAsync(OrderTravel travel)
    {
        try
        {
            await _instances.PublishAsync(Topic, JsonSerializer.SerializeToUtf8Bytes(travel));
            return true;
        }
        catch (InstancesUnreachableException failure)
        {
            _log.LogError("An order event was not published, so the order was not changed: {Reason}", failure.Message);
            return false;
        }
    }

    private void FromAnotherInstance(ReadOnlyMemory<byte> travelled)
    {
        switch (JsonSerializer.Deserialize<OrderTravel>(travelled.Span))
        {
            case { Created: { } order }:
                _store.Keep(order);
                _feed.Publish(seq => OrderMessages.Created(seq, order));
                break;
            case { CancelledId: { } id }:
                _store.Remove(id);
                _feed.Publish(seq => OrderMessages.Cancelled(seq, id));
                break;
        }
    }
}
