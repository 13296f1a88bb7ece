using System.Net.WebSockets;
using System.Text;

namespace BddWs.Server.Endpoints;

/// <summary>
/// The seed's echo contract at <c>/ws</c>: every text message is answered with
/// <c>Message text was: &lt;text&gt;</c>, the text <c>close</c> makes the server close with 1000,
/// binary messages come back as binary.
/// </summary>
public static class EchoEndpoint
{
    public const string Path = "/ws";
    public const string ReplyPrefix = "Message text was: ";
    public const string CloseCommand = "close";

    public static IEndpointRouteBuilder MapEcho(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("This endpoint speaks WebSocket only.", context.RequestAborted);
            return;
        }

        var log = loggers.CreateLogger(typeof(EchoEndpoint));
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var messages = new MessageReader(socket);
        try
        {
            while (await messages.ReadAsync(context.RequestAborted) is { } message)
            {
                if (message.Type == WebSocketMessageType.Binary)
                {
                    log.LogInformation("Received {Length} bytes", message.Payload.Length);
                    await socket.SendAsync(message.Payload, WebSocketMessageType.Binary, true, context.RequestAborted);
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.Payload.Span);
                log.LogInformation("Received: {Text}", text);
                if (text == CloseCommand)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "Closing on request", context.RequestAborted);
                    break;
                }

                var reply = Encoding.UTF8.GetBytes(ReplyPrefix + text);
                await socket.SendAsync(reply, WebSocketMessageType.Text, true, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            log.LogWarning("WebSocket error: {Reason}", ex.Message);
        }
        finally
        {
            log.LogInformation("websocket connection closed");
        }
    }
}
