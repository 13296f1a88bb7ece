using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace BddWs.Server.Endpoints;

/// <summary>
/// Reads whole messages from a socket. Answers the client's close handshake and returns null
/// when the conversation is over.
/// </summary>
/// <param name="socket">The socket to read.</param>
/// <param name="maxMessageBytes">The largest message read; a larger one is refused with 1009 (MessageTooBig).</param>
/// <param name="closeTimeout">How long to wait for the client to answer that refusal.</param>
public sealed class MessageReader(WebSocket socket, int maxMessageBytes, TimeSpan closeTimeout)
{
    private readonly byte[] _buffer = new byte[16 * 1024];

    // Pooled state machine: called for every message, and it mostly waits for the network, which
    // would otherwise cost an allocation each time.
    /// <summary>The next whole message, or null once the conversation is over.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<SocketMessage?> ReadAsync(CancellationToken cancellation)
    {
        // Only a message longer than one read needs somewhere to collect its parts.
        MemoryStream? parts = null;
        while (true)
        {
            var frame = await socket.ReceiveAsync(_buffer.AsMemory(), cancellation);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription, cancellation);
                }

                return null;
            }

            if ((parts?.Length ?? 0) + frame.Count > maxMessageBytes)
            {
                await RefuseTooBigAsync(cancellation);
                return null;
            }

            if (frame.EndOfMessage && parts is null)
            {
                return new SocketMessage(frame.MessageType, _buffer.AsSpan(0, frame.Count).ToArray());
            }

            parts ??= new MemoryStream();
            parts.Write(_buffer, 0, frame.Count);
            if (frame.EndOfMessage)
            {
                return new SocketMessage(frame.MessageType, parts.ToArray());
            }
        }
    }

    private async Task RefuseTooBigAsync(CancellationToken cancellation)
    {
        // Bounded: a client still sending the rest of a huge message cannot answer the close frame.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(closeTimeout);
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {maxMessageBytes} bytes", deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            // It did not answer in time; cancelling has dropped the connection.
        }
    }
}
