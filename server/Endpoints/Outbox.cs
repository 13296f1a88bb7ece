using System.Net.WebSockets;
using System.Threading.Channels;

namespace BddWs.Server.Endpoints;

/// <summary>
/// The only sender on one socket: messages posted from any thread wait in a bounded queue and
/// go out one at a time, in order (a WebSocket allows one send at a time). Posting never waits,
/// so whoever posts is never held up by a slow reader at the other end.
/// </summary>
public sealed class Outbox(int limit) : IAsyncDisposable
{
    private readonly Channel<SocketMessage> _queue = Channel.CreateBounded<SocketMessage>(
        new BoundedChannelOptions(limit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _stop = new();
    private Task _sending = Task.CompletedTask;

    /// <summary>Queues a message; false when the queue is full or the outbox has stopped.</summary>
    public bool TryPost(SocketMessage message) => _queue.Writer.TryWrite(message);

    /// <summary>
    /// Starts sending what is queued and what comes later. <paramref name="onFailure"/> hears of
    /// a send that failed while the connection was meant to be open; nothing more is sent after it.
    /// </summary>
    public void StartSending(WebSocket socket, Action<Exception> onFailure) => _sending = SendAllAsync(socket, onFailure);

    /// <summary>Stops sending; what is still queued is not sent.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        await _sending;
        _stop.Dispose();
    }

    private async Task SendAllAsync(WebSocket socket, Action<Exception> onFailure)
    {
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(_stop.Token))
            {
                await socket.SendAsync(message.Payload, message.Type, true, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the connection is ending, queued messages no longer matter.
        }
        catch (Exception ex)
        {
            // Whatever the failure, this socket can take no more. Once either side has sent its
            // close frame a failed send is just the end of the conversation, not a fault to report.
            _queue.Writer.TryComplete();
            if (socket.State is not (WebSocketState.CloseSent or WebSocketState.Closed))
            {
                onFailure(ex);
            }
        }
    }
}
