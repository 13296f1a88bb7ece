using System.Text.Json.Nodes;
using System.Web;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// Reads a recorded session into the moments of a draft: HTTP calls that are not plumbing, each
/// connection in its dialect, heartbeats left out by a rule, paths relative to the service.
/// </summary>
internal static class SessionReader
{
    public static DraftSession Read(RecordedSession session)
    {
        var items = new List<DraftItem>();
        var connections = new Dictionary<string, DraftConnection>(StringComparer.Ordinal);
        var readers = new Dictionary<string, ConnectionReader>(StringComparer.Ordinal);
        var httpHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var events = session.Events.OrderBy(e => e.At).ToList();
        foreach (var recorded in events)
        {
            switch (recorded)
            {
                case HttpExchange exchange when IsUpgrade(exchange):
                    // An upgrade the service refused; one it accepted is the WebSocketOpened beside it.
                    if (exchange.Status != 101)
                    {
                        var refused = new ConnectItem(new DraftConnection($"refused {exchange.At}", -1, Dialect.Plain), PathOf(exchange.Url)) { RefusedWith = exchange.Status };
                        refused.Headers.AddRange(SentHeaders.Of(exchange.RequestHeaders));
                        items.Add(refused);
                    }

                    break;
                case HttpExchange exchange when !HttpPlumbing.Is(exchange):
                    items.Add(ReadHttp(exchange, httpHeaders));
                    break;
                case WebSocketOpened opened:
                    var frames = events.OfType<WebSocketFrame>().Where(f => f.Connection == opened.Connection).ToList();
                    var connection = new DraftConnection(opened.Connection, connections.Count, DialectOf(opened, frames));
                    connections[opened.Connection] = connection;
                    var reader = new ConnectionReader(connection, opened, frames);
                    readers[opened.Connection] = reader;
                    items.AddRange(reader.Opened());
                    break;
                case WebSocketFrame frame when readers.TryGetValue(frame.Connection, out var frameReader):
                    items.AddRange(frameReader.Frame(frame));
                    break;
                case WebSocketClosed closed when readers.TryGetValue(closed.Connection, out var closeReader):
                    items.AddRange(closeReader.Closed(closed));
                    break;
            }
        }

        return new DraftSession(items, connections.Values.ToList());
    }

    /// <summary>The path and query of a URL, the service's host and port left out.</summary>
    public static string PathOf(Uri url) => url.PathAndQuery;

    /// <summary>A body as text: a binary one (base64) only when it is UTF-8 text, as a JSON body is.</summary>
    private static string? Text(string? body, bool base64)
    {
        if (!base64 || body is null)
        {
            return body;
        }

        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(body));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return null;
        }
    }

    // A header the service hands out for the app to send back; not the ones every response has.
    private static bool IsHandedOut(string name) =>
        name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || name.Equals("Location", StringComparison.OrdinalIgnoreCase)
        || SecretValues.IsSecretName(name) && !name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);

    private static bool IsUpgrade(HttpExchange exchange) =>
        exchange.Status == 101 || exchange.RequestHeaders.Any(h => h.Name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase) && h.Value.Equals("websocket", StringComparison.OrdinalIgnoreCase));

    private static Dialect DialectOf(WebSocketOpened opened, IReadOnlyList<WebSocketFrame> frames)
    {
        if (string.Equals(opened.Subprotocol, "graphql-transport-ws", StringComparison.OrdinalIgnoreCase))
        {
            return Dialect.GraphQl;
        }

        if (opened.Url.AbsolutePath.Contains("/socket.io/", StringComparison.OrdinalIgnoreCase) && HttpUtility.ParseQueryString(opened.Url.Query)["EIO"] is not null)
        {
            return Dialect.SocketIo;
        }

        var first = frames.FirstOrDefault(f => f.FromClient && !f.Binary);
        return first is not null && first.Payload.EndsWith('\u001e')
            && DraftJson.TryParse(first.Payload.TrimEnd('\u001e')) is JsonObject handshake && handshake.ContainsKey("protocol")
            ? Dialect.Hub
            : Dialect.Plain;
    }

    private static HttpItem ReadHttp(HttpExchange exchange, Dictionary<string, string> current)
    {
        var requestBody = Text(exchange.RequestBody, exchange.BodiesAreBase64);
        var responseBody = Text(exchange.ResponseBody, exchange.BodiesAreBase64);
        var requestJson = DraftJson.TryParse(requestBody);
        var responseJson = DraftJson.TryParse(responseBody);
        var item = new HttpItem(exchange.Method.ToUpperInvariant(), PathOf(exchange.Url))
        {
            JsonBody = requestJson,
            TextBody = requestJson is null && !string.IsNullOrEmpty(requestBody) ? requestBody : null,
            Status = exchange.Status,
            ResponseJson = responseJson,
            ResponseText = responseJson is null ? responseBody : null,
        };
        foreach (var header in exchange.ResponseHeaders.Where(h => IsHandedOut(h.Name)))
        {
            item.ResponseHeaders[header.Name] = header.Value;
        }

        var sent = SentHeaders.Of(exchange.RequestHeaders).GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        foreach (var name in current.Keys.Where(n => !sent.ContainsKey(n)).ToList())
        {
            item.DroppedHeaders.Add(name);
            current.Remove(name);
        }

        foreach (var (name, value) in sent)
        {
            if (!current.TryGetValue(name, out var before) || before != value)
            {
                item.SetHeaders.Add((name, value));
                current[name] = value;
            }
        }

        return item;
    }
}
