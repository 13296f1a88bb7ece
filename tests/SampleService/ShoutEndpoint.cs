using System.Net.WebSockets;
using System.Text;

namespace SampleService;

/// <summary>
/// <c>/shout</c>, a plain WebSocket endpoint: answers every text message in capitals, and logs each one.
/// A request that is not a WebSocket one gets 400.
/// </summary>
public static class ShoutEndpoint
{
    public static void MapShout(this WebApplication app) => app.Map("/shout", ShoutAsync);

    private static async Task ShoutAsync(HttpContext context, ILoggerFactory logs)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var log = logs.CreateLogger("SampleService.Shout");
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        var cancel = context.RequestAborted;
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancel);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cancel);
                return;
            }

            var text = Encoding.UTF8.GetString(message.ToArray());
            log.LogInformation("Shouting back {Text}", text);
            await socket.SendAsync(Encoding.UTF8.GetBytes(text.ToUpperInvariant()), WebSocketMessageType.Text, true, cancel);
        }
    }
}
