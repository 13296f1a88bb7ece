using System.Net.WebSockets;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// One <c>/orders</c> connection. Everything it is sent (replies, events, heartbeats) waits in its
/// own <see cref="Outbox"/>, so a client that reads slowly, or not at all, holds up nobody but
/// itself, and one too far behind is dropped.
/// </summary>
public sealed class OrdersConnection : IAsyncDisposable
{
    private readonly OrderFeed _feed;
    private readonly Outbox _outbox;
    private readonly Action _abortConnection;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopHeartbeats = new();
    private Task _heartbeats = Task.CompletedTask;
    private WebSocket? _socket;
    private bool _subscribed;
    private int _seq;

    internal OrdersConnection(OrderFeed feed, int queueLimit, Action abortConnection)
    {
        _feed = feed;
        _outbox = new Outbox(queueLimit);
        _abortConnection = abortConnection;
    }

    /// <summary>
    /// Starts delivering to <paramref name="socket"/>, which the connection now owns (it is disposed
    /// after the last send), and sends a heartbeat every <paramref name="heartbeatInterval"/>.
    /// </summary>
    public void StartSending(WebSocket socket, TimeSpan heartbeatInterval)
    {
        _socket = socket;
        _outbox.StartSending(socket, failure => _feed.Drop(this, $"sending failed: {failure.Message}"));
        _heartbeats = SendHeartbeatsAsync(heartbeatInterval, _stopHeartbeats.Token);
    }

    /// <summary>Queues a message; a connection too far behind is dropped instead.</summary>
    public void Send(SocketMessage message)
    {
        // The outbox also refuses once the connection is closing (a heartbeat due then, say): that
        // message is just not needed. Only an open connection's full queue means the client is behind.
        if (!_outbox.TryPost(message) && _socket?.State is null or WebSocketState.Open)
        {
            _feed.Drop(this, "too many messages waiting for it to read them");
        }
    }

    /// <summary>
    /// Subscribes to the order events and queues <paramref name="confirmation"/>; every event
    /// published from then on comes after it.
    /// </summary>
    public void Subscribe(SocketMessage confirmation)
    {
        lock (_gate)
        {
            _subscribed = true;
            Send(confirmation);
        }
    }

    /// <summary>Stops the heartbeats and sending, leaves the feed and releases the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        // Leave first: an event published after this is not delivered, rather than counted as a failure.
        _feed.Leave(this);
        await _stopHeartbeats.CancelAsync();
        await _heartbeats;
        await _outbox.DisposeAsync();
        _stopHeartbeats.Dispose();
        _socket?.Dispose();
    }

    /// <summary>Queues an event numbered with this connection's next <c>seq</c>, if it has subscribed.</summary>
    internal void Deliver(Func<int, SocketMessage> numberedEvent)
    {
        // Under the lock, so events are queued in the order of their numbers.
        lock (_gate)
        {
            if (_subscribed)
            {
                Send(numberedEvent(++_seq));
            }
        }
    }

    internal void AbortConnection() => _abortConnection();

    private async Task SendHeartbeatsAsync(TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Send(OrderMessages.Heartbeat(UtcTime.Now()));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The connection is ending.
        }
    }
}
