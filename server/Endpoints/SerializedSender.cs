using System.Net.WebSockets;

namespace BddWs.Server.Endpoints;

/// <summary>
/// Takes turns on one socket for senders that may overlap (replies from the read loop and
/// replies due later): a WebSocket allows one send at a time. Each send completes before its
/// caller goes on, so replies keep the order of the requests that caused them.
/// </summary>
public sealed class SerializedSender(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Sends a whole message once no other send is under way.</summary>
    public Task SendAsync(SocketMessage message, CancellationToken cancellation) =>
        InTurnAsync(() => socket.SendAsync(message.Payload, message.Type, true, cancellation).AsTask(), cancellation);

    /// <summary>Closes the connection (and waits for the client's close) once no other send is under way.</summary>
    public Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellation) =>
        InTurnAsync(() => socket.CloseAsync(status, reason, cancellation), cancellation);

    /// <inheritdoc/>
    public void Dispose() => _turn.Dispose();

    private async Task InTurnAsync(Func<Task> send, CancellationToken cancellation)
    {
        await _turn.WaitAsync(cancellation);
        try
        {
            await send();
        }
        finally
        {
            _turn.Release();
        }
    }
}
