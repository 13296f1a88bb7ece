using System.Net;
using BddWs.Server;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BddWs.Testing;

/// <summary>
/// A WebSocket server that does exactly what a test scripts, on a free loopback port: the
/// wrong behaviour a step must catch. Every connection to <c>/ws</c> runs the script.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedServer(WebApplication app, Uri url, OpenCount open)
    {
        _app = app;
        Url = url;
        _open = open;
    }

    public Uri Url { get; }

    /// <summary>Connections whose script is still running: the server's view of what is open.</summary>
    public OpenCount OpenConnections => _open;

    private readonly OpenCount _open;

    /// <param name="script">What the server does with each connection.</param>
    /// <param name="subProtocol">Chosen in the handshake when the client offers it.</param>
    /// <param name="certificate">Serves wss:// with this certificate instead of ws://.</param>
    public static async Task<ScriptedServer> StartAsync(Func<WebSocket, Task> script, string? subProtocol = null, X509Certificate2? certificate = null)
    {
        var open = new OpenCount();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/plain", () => "an HTTP endpoint that never upgrades");
        app.Map("/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var chosen = subProtocol is not null && context.WebSockets.WebSocketRequestedProtocols.Contains(subProtocol) ? subProtocol : null;
            using var socket = await context.WebSockets.AcceptWebSocketAsync(chosen);
            open.Enter();
            try
            {
                await script(socket);
            }
            catch (WebSocketException)
            {
                // The client went away mid-script; nothing to do.
            }
            finally
            {
                open.Leave();
            }
        });
        await app.StartAsync();
        return new ScriptedServer(app, app.WebSocketUrl("/ws"), open);
    }

    /// <summary>Answers each text message with whatever <paramref name="reply"/> returns.</summary>
    public static Task<ScriptedServer> RepliesAsync(Func<string, IEnumerable<string>> reply) => StartAsync(Replies(reply));

    /// <summary>A script that answers each text message with whatever <paramref name="reply"/> returns.</summary>
    public static Func<WebSocket, Task> Replies(Func<string, IEnumerable<string>> reply) => async socket =>
    {
        while (await ReceiveTextAsync(socket) is { } text)
        {
            foreach (var answer in reply(text))
            {
                await SendTextAsync(socket, answer);
            }
        }
    };

    public static Task SendTextAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public static async Task<string?> ReceiveTextAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            // As most servers do: the client's own status and reason come back.
            await socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, result.CloseStatusDescription, CancellationToken.None);
            return null;
        }

        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
