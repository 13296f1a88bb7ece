using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace BddWs.Benchmarks;

/// <summary>
/// The baselines the bundled server is measured against: the echo contract (<c>Message text was: </c>
/// before each text, <c>close</c> closes) in the fewest lines Kestrel allows, nothing else; and the
/// same with every reply held back a fixed time, to show what running features in parallel gains.
/// <c>/mirror</c> sends each message back as it came, without the prefix: a dialect's record returns
/// as the record it was.
/// </summary>
public static class MinimalEchoServer
{
    private static readonly byte[] Prefix = "Message text was: "u8.ToArray();

    public static async Task RunAsync(TimeSpan replyDelay)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", context => AcceptAsync(context, replyDelay, Prefix));
        app.Map("/mirror", context => AcceptAsync(context, replyDelay, []));
        await app.StartAsync();
        Console.WriteLine($"Now listening on: {app.Urls.First()}");
        // Until Ctrl+C or SIGTERM, as any ASP.NET Core app.
        await app.WaitForShutdownAsync();
    }

    private static async Task AcceptAsync(HttpContext context, TimeSpan replyDelay, byte[] prefix)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await EchoAsync(socket, replyDelay, prefix, context.RequestAborted);
    }

    private static async Task EchoAsync(WebSocket socket, TimeSpan replyDelay, byte[] prefix, CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(count), aborted);
                count += result.Count;
            }
            while (!result.EndOfMessage && count < buffer.Length);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", aborted);
                return;
            }

            if (result.MessageType == WebSocketMessageType.Text && buffer.AsSpan(0, count).SequenceEqual("close"u8))
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "Closing on request", aborted);
                return;
            }

            if (replyDelay > TimeSpan.Zero)
            {
                // The delay is the point of this server: it stands for a slow service.
                await Task.Delay(replyDelay, aborted);
            }

            var reply = result.MessageType == WebSocketMessageType.Text ? [.. prefix, .. buffer.AsSpan(0, count)] : buffer[..count];
            await socket.SendAsync(reply, result.MessageType, true, aborted);
        }
    }
}
