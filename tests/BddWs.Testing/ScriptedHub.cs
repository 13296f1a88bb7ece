using System.Net;
using BddWs.Server;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BddWs.Testing;

/// <summary>
/// A SignalR hub that is not one: <c>/hub/negotiate</c> answers what the test says, and every
/// WebSocket to <c>/hub</c> runs the test's script, which writes the hub protocol by hand
/// (records in one frame, a refused handshake, a close record) as a real hub would not.
/// </summary>
public sealed class ScriptedHub : IAsyncDisposable
{
    /// <summary>What a SignalR server answers to negotiate when it offers WebSockets.</summary>
    public const string WebSocketsOffered =
        """{"negotiateVersion":1,"connectionId":"c-1","connectionToken":"t-1","availableTransports":[{"transport":"WebSockets","transferFormats":["Text","Binary"]}]}""";

    private readonly WebApplication _app;

    private readonly List<string> _queries;

    private ScriptedHub(WebApplication app, Uri url, List<string> queries)
    {
        _app = app;
        Url = url;
        _queries = queries;
    }

    /// <summary>The hub's address, <c>ws://127.0.0.1:port/hub</c>.</summary>
    public Uri Url { get; }

    /// <summary>The query strings the WebSocket requests came with, in order.</summary>
    public IReadOnlyList<string> Queries
    {
        get
        {
            lock (_queries)
            {
                return [.. _queries];
            }
        }
    }

    public static async Task<ScriptedHub> StartAsync(Func<WebSocket, Task> script, string negotiate = WebSocketsOffered, HttpStatusCode negotiateStatus = HttpStatusCode.OK)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        List<string> queries = [];
        app.MapPost("/hub/negotiate", () => Results.Text(negotiate, "application/json", statusCode: (int)negotiateStatus));
        app.Map("/hub", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            lock (queries)
            {
                queries.Add(context.Request.QueryString.Value ?? "");
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            try
            {
                await script(socket);
            }
            catch (WebSocketException)
            {
                // The client went away mid-script.
            }
        });
        await app.StartAsync();
        return new ScriptedHub(app, app.WebSocketUrl("/hub"), queries);
    }

    /// <summary>Reads the client's hub handshake and accepts it with <c>{}</c>.</summary>
    public static async Task AcceptHandshakeAsync(WebSocket socket)
    {
        await ScriptedServer.ReceiveTextAsync(socket);
        await ScriptedServer.SendTextAsync(socket, "{}\u001e");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
