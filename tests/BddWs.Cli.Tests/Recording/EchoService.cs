using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BddWs.Cli.Tests.Recording;

/// <summary>
/// A service for the proxy to forward to. <c>/http</c> answers with the request's body and media type
/// (status from <c>?status=</c>); <c>/ws</c> sends back every frame as it came (fragments stay fragments),
/// closes with 4001 "bye" on "close-me" (drops the connection on "drop-me"), and answers a close with the same status; <c>/ws-deflate</c> the
/// same, compressed (permessage-deflate) when the client offers it. It keeps what it
/// received, to compare with what the client sent.
/// </summary>
public sealed class EchoService : IAsyncDisposable
{
    private readonly WebApplication app;

    private EchoService(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The headers of every HTTP request and upgrade that arrived.</summary>
    public ConcurrentQueue<IHeaderDictionary> Requests { get; } = new();

    /// <summary>Every WebSocket frame received: its type, bytes, and whether it ended its message.</summary>
    public ConcurrentQueue<(WebSocketMessageType Type, byte[] Bytes, bool End)> Frames { get; } = new();

    public static async Task<EchoService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var service = new EchoService(app);
        app.UseWebSockets();
        app.Map("/http", async context =>
        {
            service.Requests.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            context.Response.StatusCode = int.TryParse(context.Request.Query["status"], out var status) ? status : 200;
            context.Response.ContentType = context.Request.ContentType;
            context.Response.Headers["X-Echo"] = "yes";
            await context.Response.Body.WriteAsync(body.ToArray());
        });
        app.Map("/ws", async context =>
        {
            service.Requests.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            var subprotocol = context.WebSockets.WebSocketRequestedProtocols.FirstOrDefault(p => p == "chat.v2");
            using var socket = await context.WebSockets.AcceptWebSocketAsync(subprotocol);
            await service.EchoAsync(socket);
        });
        app.Map("/ws-deflate", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = true });
            await service.EchoAsync(socket);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service.Url = new Uri(address);
        return service;
    }

    private async Task EchoAsync(WebSocket socket)
    {
        var buffer = new byte[1024 * 1024];
        var message = new List<byte>();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(socket.CloseStatus!.Value, socket.CloseStatusDescription, CancellationToken.None);
                return;
            }

            var bytes = buffer[..received.Count];
            Frames.Enqueue((received.MessageType, bytes, received.EndOfMessage));
            message.AddRange(bytes);
            if (received.EndOfMessage && message.SequenceEqual("drop-me"u8.ToArray()))
            {
                socket.Abort();
                return;
            }

            if (received.EndOfMessage && message.SequenceEqual("close-me"u8.ToArray()))
            {
                await socket.CloseAsync((WebSocketCloseStatus)4001, "bye", CancellationToken.None);
                return;
            }

            if (received.EndOfMessage)
            {
                message.Clear();
            }

            await socket.SendAsync(bytes, received.MessageType, received.EndOfMessage, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
