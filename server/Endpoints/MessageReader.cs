using System.Net.WebSockets;

namespace BddWs.Server.Endpoints;

/// <summary>A whole WebSocket message: its frames joined, with the type of the first frame.</summary>
public sealed record ReceivedMessage(WebSocketMessageType Type, ReadOnlyMemory<byte> Payload);

/// <summary>
/// Reads whole messages from a socket. Answers the client's close handshake and returns null
/// when the conversation is over.
/// </summary>
public sealed class MessageReader(WebSocket socket, int maxMessageBytes = MessageReader.DefaultMaxMessageBytes)
{
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    private readonly byte[] _buffer = new byte[16 * 1024];

    public async Task<ReceivedMessage?> ReadAsync(CancellationToken cancellation)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var frame = await socket.ReceiveAsync(_buffer, cancellation);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(frame.CloseStatus ?? WebSocketCloseStatus.NormalClosure, frame.CloseStatusDescription, cancellation);
                }

                return null;
            }

            if (message.Length + frame.Count > maxMessageBytes)
            {
                await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {maxMessageBytes} bytes", cancellation);
                return null;
            }

            message.Write(_buffer, 0, frame.Count);
            if (frame.EndOfMessage)
            {
                return new ReceivedMessage(frame.MessageType, message.ToArray());
            }
        }
    }
}
