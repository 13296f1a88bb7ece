using System.Net.WebSockets;

namespace BddWs.Server.Endpoints;

/// <summary>
/// Reads whole messages from a socket. Answers the client's close handshake and returns null
/// when the conversation is over.
/// </summary>
public sealed class MessageReader(WebSocket socket, int maxMessageBytes = MessageReader.DefaultMaxMessageBytes)
{
    /// <summary>The largest message read when no other limit is given; larger ones are refused with 1009.</summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    private readonly byte[] _buffer = new byte[16 * 1024];

    /// <summary>The next whole message, or null once the conversation is over.</summary>
    public async Task<SocketMessage?> ReadAsync(CancellationToken cancellation)
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
                return new SocketMessage(frame.MessageType, message.ToArray());
            }
        }
    }
}
