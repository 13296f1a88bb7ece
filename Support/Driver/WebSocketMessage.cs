using System.Net.WebSockets;
using System.Text;

namespace BddWs.Driver;

/// <summary>One WebSocket message: text, or binary bytes.</summary>
public sealed record WebSocketMessage(WebSocketMessageType Type, byte[] Bytes)
{
    public static WebSocketMessage FromText(string text) => new(WebSocketMessageType.Text, Encoding.UTF8.GetBytes(text));

    public static WebSocketMessage FromBytes(byte[] bytes) => new(WebSocketMessageType.Binary, bytes);

    public bool IsText => Type == WebSocketMessageType.Text;

    /// <summary>The text of a text message; empty for a binary one.</summary>
    public string Text => IsText ? Encoding.UTF8.GetString(Bytes) : "";
}
