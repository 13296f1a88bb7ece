using System.Net.WebSockets;
using System.Text;

namespace BddWs.Server.Tests.Helpers;

/// <summary>What one receive produced: a whole message, or the server's close (status and reason).</summary>
public sealed record Received(WebSocketMessageType Type, byte[] Payload, WebSocketCloseStatus? CloseStatus = null, string? CloseReason = null)
{
    public string Text => Encoding.UTF8.GetString(Payload);

    public override string ToString() => Type switch
    {
        WebSocketMessageType.Close => $"close {(int?)CloseStatus} \"{CloseReason}\"",
        WebSocketMessageType.Binary => $"binary [{Convert.ToHexString(Payload)}]",
        _ => $"text \"{Text}\"",
    };
}
