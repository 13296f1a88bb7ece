using System.Net.WebSockets;
using System.Text;

namespace BddWs.Server.Endpoints;

/// <summary>
/// The echo contract at <c>/ws</c>: every text message is answered with
/// <c>Message text was: &lt;text&gt;</c>, the text <c>close</c> makes the server close with 1000,
/// binary messages come back as binary.
/// </summary>
public static class EchoEndpoint
{
    /// <summary>Where the echo contract is served.</summary>
    public const string Path = "/ws";

    /// <summary>What precedes the received text in each reply.</summary>
    public const string ReplyPrefix = "Message text was: ";

    /// <summary>The text message that makes the server close the connection with 1000.</summary>
    public const string CloseCommand = "close";

    private static readonly byte[] ReplyPrefixBytes = Encoding.UTF8.GetBytes(ReplyPrefix);
    private static readonly byte[] CloseCommandBytes = Encoding.UTF8.GetBytes(CloseCommand);

    /// <summary>Serves the echo contract at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapEcho(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, (HttpContext context, ILoggerFactory loggers) => ServeAsync(context, loggers.CreateLogger(typeof(EchoEndpoint))));
        return endpoints;
    }

    /// <summary>
    /// Runs the echo contract on this request: 400 unless it is a WebSocket handshake. Shared by
    /// every endpoint that echoes, so they cannot drift apart.
    /// </summary>
    public static async Task ServeAsync(HttpContext context, ILogger log)
    {
        if (!await WebSocketRequests.IsWebSocketOrRejectAsync(context))
        {
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await MessageLoop.RunAsync(context, socket, log, (message, cancellation) => ReplyAsync(socket, message, cancellation));
    }

    private static async Task<bool> ReplyAsync(WebSocket socket, SocketMessage message, CancellationToken cancellation)
    {
        if (message.Type == WebSocketMessageType.Binary)
        {
            await socket.SendAsync(message.Payload, WebSocketMessageType.Binary, true, cancellation);
            return true;
        }

        if (message.Payload.Span.SequenceEqual(CloseCommandBytes))
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "Closing on request", cancellation);
            return false;
        }

        // A text message's payload is valid UTF-8 (checked before any endpoint sees it), so the prefix's
        // bytes and the payload's are the reply's UTF-8 without decoding and encoding the text again.
        byte[] reply = [.. ReplyPrefixBytes, .. message.Payload.Span];
        await socket.SendAsync(reply, WebSocketMessageType.Text, true, cancellation);
        return true;
    }
}
