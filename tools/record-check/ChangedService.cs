using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Yarp.ReverseProxy.Forwarder;

namespace BddWs.RecordCheck;

/// <summary>
/// The bundled service with one difference, for a draft to fail against: a proxy in front of it that
/// forwards HTTP as it is (YARP) and relays WebSocket messages one by one, changing, on each connection,
/// one value of the first message from the service that has one: an order's <c>item</c> (<c>book</c>
/// becomes <c>book (changed)</c>), or the text of a chat hub's <c>ReceiveMessage</c> (<c>hello</c>
/// becomes <c>hello (changed)</c>). SignalR's JSON records (separated by 0x1E) are read one by one.
/// No switch in the shipped server: the change lives here.
/// </summary>
public static class ChangedService
{
    public static async Task<int> RunAsync(Uri server)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            if (context.WebSockets.IsWebSocketRequest)
            {
                await RelayAsync(context, server);
                return;
            }

            await next(context);
        });
        app.MapForwarder("/{**path}", server.GetLeftPart(UriPartial.Authority), ForwarderRequestConfig.Empty, t => t.UseDefaultForwarders = false);
        await app.StartAsync();
        // The line tools/record-check.sh waits for, as ASP.NET Core prints it.
        Console.WriteLine($"Now listening on: {app.Urls.First()}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task RelayAsync(HttpContext context, Uri server)
    {
        using var upstream = new ClientWebSocket();
        foreach (var name in new[] { "Authorization", "Cookie" })
        {
            if (context.Request.Headers.TryGetValue(name, out var value))
            {
                upstream.Options.SetRequestHeader(name, value.ToString());
            }
        }

        foreach (var protocol in context.WebSockets.WebSocketRequestedProtocols)
        {
            upstream.Options.AddSubProtocol(protocol);
        }

        var url = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = context.Request.Path, Query = context.Request.QueryString.Value }.Uri;
        try
        {
            await upstream.ConnectAsync(url, context.RequestAborted);
        }
        catch (WebSocketException)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using var client = await context.WebSockets.AcceptWebSocketAsync(upstream.SubProtocol);
        await Task.WhenAny(PumpAsync(client, upstream, change: null), PumpAsync(upstream, client, change: new Once()));
    }

    private static async Task PumpAsync(WebSocket from, WebSocket to, Once? change)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await from.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await to.CloseOutputAsync(from.CloseStatus ?? WebSocketCloseStatus.NormalClosure, from.CloseStatusDescription, CancellationToken.None);
                    return;
                }

                var bytes = message.ToArray();
                if (change is { Done: false } && received.MessageType == WebSocketMessageType.Text && Changed(Encoding.UTF8.GetString(bytes), change) is { } text)
                {
                    bytes = Encoding.UTF8.GetBytes(text);
                }

                await to.SendAsync(bytes, received.MessageType, true, CancellationToken.None);
            }
        }
        catch (Exception) when (from.State != WebSocketState.Open || to.State != WebSocketState.Open)
        {
        }
    }

    /// <summary>The message with its one value changed, the first time one comes; otherwise null.</summary>
    private static string? Changed(string text, Once change)
    {
        if (!text.Contains("\"item\"", StringComparison.Ordinal) && !text.Contains("\"ReceiveMessage\"", StringComparison.Ordinal))
        {
            return null;
        }

        var records = text.Split('\u001e');
        for (var i = 0; i < records.Length; i++)
        {
            if (records[i].Length == 0 || JsonNode.Parse(records[i]) is not { } node || !ChangeOne(node))
            {
                continue;
            }

            change.Done = true;
            records[i] = node.ToJsonString();
            Console.WriteLine($"changed: {records[i]}");
            return string.Join('\u001e', records);
        }

        return null;
    }

    /// <summary>Whether a connection's one change was made.</summary>
    private sealed class Once
    {
        public bool Done { get; set; }
    }

    /// <summary>Changes an order's first <c>item</c>, or else the text a hub's <c>ReceiveMessage</c> carries; false when there is neither.</summary>
    private static bool ChangeOne(JsonNode node)
    {
        if (FirstItem(node) is { } order)
        {
            order["item"] = order["item"]!.GetValue<string>() + " (changed)";
            return true;
        }

        if (node is JsonObject { } record && (string?)record["target"] == "ReceiveMessage"
            && record["arguments"] is JsonArray { Count: > 0 } arguments && arguments[^1] is JsonValue last && last.TryGetValue<string>(out var said))
        {
            arguments[^1] = said + " (changed)";
            return true;
        }

        return false;
    }

    private static JsonObject? FirstItem(JsonNode node) => node switch
    {
        JsonObject o when o["item"] is JsonValue v && v.TryGetValue<string>(out _) => o,
        JsonObject o => o.Select(p => p.Value is null ? null : FirstItem(p.Value)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(e => e is null ? null : FirstItem(e)).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
