using System.Net.WebSockets;
using BddWs.Server.Hardening;
using Microsoft.Extensions.Options;

namespace BddWs.Server.Endpoints;

/// <summary>
/// The read side every endpoint shares: reads whole messages until the conversation ends, logs
/// each one and the end of the connection, and hands each message to the endpoint.
/// </summary>
public static class MessageLoop
{
    /// <summary>
    /// Runs until the client closes, the connection breaks, or <paramref name="handle"/> returns
    /// false (the endpoint ended the conversation itself, e.g. by closing). Messages are limited as
    /// <see cref="LimitsOptions"/> says; the loop stops when <paramref name="context"/>'s request is aborted.
    /// </summary>
    public static async Task RunAsync(
        HttpContext context, WebSocket socket, ILogger log, Func<SocketMessage, CancellationToken, Task<bool>> handle)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
        var messages = new MessageReader(socket, limits.MaxMessageBytes, limits.CloseTimeout);
        var cancellation = context.RequestAborted;
        try
        {
            while (await messages.ReadAsync(cancellation) is { } message)
            {
                LogReceived(log, message);
                if (!await handle(message, cancellation))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // A client that vanishes mid-conversation is normal for a test server, not a fault.
            log.LogWarning("WebSocket error: {Reason}", ex.Message);
        }
        finally
        {
            log.LogInformation("websocket connection closed");
        }
    }

    private static void LogReceived(ILogger log, SocketMessage message)
    {
        // Asked first: reading the text and packing the arguments would cost every message, logged or not.
        if (!log.IsEnabled(LogLevel.Information))
        {
            return;
        }

        if (message.Type == WebSocketMessageType.Binary)
        {
            log.LogInformation("Received {Length} bytes", message.Payload.Length);
        }
        else
        {
            log.LogInformation("Received: {Text}", message.Text);
        }
    }
}
