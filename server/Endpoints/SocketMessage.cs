using System.Net.WebSockets;
using System.Text;

namespace BddWs.Server.Endpoints;

/// <summary>A whole WebSocket message, received or to be sent: its frames joined, with its type.</summary>
public sealed record SocketMessage(WebSocketMessageType Type, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The payload read as UTF-8, which is what a text message carries.</summary>
    public string Text => Encoding.UTF8.GetString(Payload.Span);

    /// <summary>A text message carrying <paramref name="text"/>.</summary>
    public static SocketMessage FromText(string text) => new(WebSocketMessageType.Text, Encoding.UTF8.GetBytes(text));
}
