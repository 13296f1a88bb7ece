using System.Net.WebSockets;
using System.Text;
using Xunit;

namespace BddWs.Hosting.Tests;

/// <summary>One message to the sample service's /shout over a real socket, and its answer.</summary>
internal static class Shout
{
    public static async Task<string> RoundTripAsync(Uri url, string text)
    {
        using var socket = new ClientWebSocket();
        var cancel = TestContext.Current.CancellationToken;
        await socket.ConnectAsync(url, cancel);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancel);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, cancel);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cancel);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }
}
