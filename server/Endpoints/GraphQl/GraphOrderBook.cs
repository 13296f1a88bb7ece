using System.Collections.Concurrent;
using System.Globalization;

namespace BddWs.Server.Endpoints.GraphQl;

/// <summary>
/// The orders the GraphQL endpoint serves, for the life of the server, and the feed of orders as they are
/// placed, which <c>orderPlaced</c> subscriptions watch.
/// </summary>
public sealed class GraphOrderBook
{
    private readonly ConcurrentDictionary<string, GraphOrder> _orders = new(StringComparer.Ordinal);
    private readonly List<IObserver<GraphOrder>> _watchers = [];
    private int _lastId;

    /// <summary>The order with this id, or null.</summary>
    public GraphOrder? Find(string id) => _orders.GetValueOrDefault(id);

    /// <summary>Keeps a new order and tells every watcher.</summary>
    public GraphOrder Place(string customer, string item)
    {
        var order = new GraphOrder(Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture), customer, item);
        _orders[order.Id] = order;
        IObserver<GraphOrder>[] watchers;
        lock (_watchers)
        {
            watchers = [.. _watchers];
        }

        foreach (var watcher in watchers)
        {
            watcher.OnNext(order);
        }

        return order;
    }

    /// <summary>The orders placed from now on, for one customer or (null) for all.</summary>
    public IObservable<GraphOrder> Placed(string? customer) => new Feed(this, customer);

    private sealed class Feed(GraphOrderBook book, string? customer) : IObservable<GraphOrder>
    {
        public IDisposable Subscribe(IObserver<GraphOrder> observer)
        {
            var watcher = new Watcher(observer, customer);
            lock (book._watchers)
            {
                book._watchers.Add(watcher);
            }

            return new Unwatch(book, watcher);
        }
    }

    private sealed class Watcher(IObserver<GraphOrder> observer, string? customer) : IObserver<GraphOrder>
    {
        public void OnCompleted() => observer.OnCompleted();

        public void OnError(Exception error) => observer.OnError(error);

        public void OnNext(GraphOrder value)
        {
            if (customer is null || customer == value.Customer)
            {
                observer.OnNext(value);
            }
        }
    }

    private sealed class Unwatch(GraphOrderBook book, IObserver<GraphOrder> watcher) : IDisposable
    {
        public void Dispose()
        {
            lock (book._watchers)
            {
                book._watchers.Remove(watcher);
            }
        }
    }
}
