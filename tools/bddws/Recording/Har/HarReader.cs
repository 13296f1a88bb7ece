using System.Globalization;
using System.Text.Json;
using static BddWs.Cli.Recording.Har.HarJson;

namespace BddWs.Cli.Recording.Har;

/// <summary>
/// Reads one HAR file into a <see cref="RecordedSession"/>. WebSocket entries (status 101,
/// <c>_resourceType: websocket</c>, or a ws:// or wss:// URL) become a connection with its messages;
/// every other entry an HTTP exchange, unless it is the page or one of its assets.
/// </summary>
internal sealed class HarReader(string path)
{
    private int _connections;

    public HarReading Read()
    {
        using var document = Parse(ReadText());
        if (document.RootElement is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("log", out var log) || log.ValueKind != JsonValueKind.Object
            || !log.TryGetProperty("entries", out var entryList) || entryList.ValueKind != JsonValueKind.Array)
        {
            throw NotHar("it has no log.entries");
        }

        var entries = entryList.EnumerateArray().Select((entry, index) => Entry(entry, index + 1)).ToList();
        var kept = SameWebSocketOnce(entries)
            .Where(entry => entry.IsWebSocket || !LeftOutRequests.IsLeftOut(entry.Element))
            .OrderBy(entry => entry.Started)
            .ToList();
        var leftOut = entries.Count(entry => !entry.IsWebSocket && LeftOutRequests.IsLeftOut(entry.Element));
        var start = kept.Count > 0 ? kept[0].Started : 0;

        var events = new List<(decimal Time, RecordedEvent Event)>();
        foreach (var entry in kept)
        {
            if (entry.IsWebSocket && !entry.IsRefusedUpgrade)
            {
                events.AddRange(WebSocket(entry, start));
            }
            else
            {
                events.Add((entry.Started, Exchange(entry, start)));
            }
        }

        var ordered = InOrder(events);
        return new HarReading(new RecordedSession(Path.GetFileName(path), ordered), leftOut);
    }

    // DevTools gives an entry's start to the millisecond and a message's time to the microsecond, so
    // within one millisecond the file cannot tell whether a request came before a message. There, the
    // messages the client sent on connections already open come first, then the requests and the
    // connections that opened, then the rest of that millisecond's messages: a draft must never wait for
    // an answer before the request that caused it, nor send a request before a message the page sent
    // first. Messages keep the order of their times, which DevTools gives finely.
    private static List<RecordedEvent> InOrder(List<(decimal Time, RecordedEvent Event)> events)
    {
        var starts = new Queue<(decimal Time, RecordedEvent Event)>(events
            .Where(e => e.Event is HttpExchange or WebSocketOpened)
            .OrderBy(e => e.Time));
        var messages = new Queue<(decimal Time, RecordedEvent Event)>(events
            .Where(e => e.Event is not (HttpExchange or WebSocketOpened))
            .OrderBy(e => e.Time));
        var open = new HashSet<string>();
        var ordered = new List<RecordedEvent>(events.Count);
        while (starts.Count > 0 || messages.Count > 0)
        {
            bool messageFirst;
            if (starts.Count == 0 || messages.Count == 0)
            {
                messageFirst = starts.Count == 0;
            }
            else
            {
                var (start, message) = (starts.Peek(), messages.Peek());
                messageFirst = Math.Floor(message.Time) < Math.Floor(start.Time)
                    || (Math.Floor(message.Time) == Math.Floor(start.Time)
                        && message.Event is WebSocketFrame { FromClient: true } sent && open.Contains(sent.Connection));
            }

            var next = (messageFirst ? messages : starts).Dequeue().Event;
            if (next is WebSocketOpened opened)
            {
                open.Add(opened.Connection);
            }

            ordered.Add(next);
        }

        return ordered;
    }

    private string ReadText()
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RecordingException($"There is no HAR file {path}.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RecordingException($"The HAR file {path} cannot be read: {ex.Message.TrimEnd('.')}.");
        }
    }

    private JsonDocument Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw NotHar($"it is not JSON (line {(ex.LineNumber ?? 0) + 1}, character {(ex.BytePositionInLine ?? 0) + 1})");
        }
    }

    private HarEntry Entry(JsonElement entry, int number)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw NotHar($"entry {number} is not an object");
        }

        if (Text(entry, "startedDateTime") is not { } started)
        {
            throw NotHar($"entry {number} has no startedDateTime");
        }

        if (!DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startedAt))
        {
            throw NotHar($"entry {number} has a startedDateTime that is not a date: \"{started}\"");
        }

        if (!entry.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object
            || Text(request, "url") is not { } url)
        {
            throw NotHar($"entry {number} has no request URL");
        }

        // On Linux, "/api/orders" is an absolute file path to Uri: the scheme tells.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            throw NotHar($"entry {number} has a request URL that is not a full http(s) or ws(s) address: \"{url}\"");
        }

        var status = entry.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            && response.TryGetProperty("status", out var code) && code.TryGetInt32(out var value)
            ? value
            : 0;
        var isWebSocket = status == 101
            || string.Equals(Text(entry, "_resourceType"), "websocket", StringComparison.OrdinalIgnoreCase)
            || uri.Scheme is "ws" or "wss";
        return new HarEntry(entry, number, Milliseconds(startedAt), uri, status, isWebSocket);
    }

    // mitmproxy's HAR dump writes a WebSocket's entry when its upgrade is answered and again when it
    // ends: the same connection twice, the later one with its messages.
    private static IEnumerable<HarEntry> SameWebSocketOnce(List<HarEntry> entries)
    {
        var fullest = entries
            .Where(entry => entry.IsWebSocket)
            .GroupBy(entry => (entry.Started, entry.Url.AbsoluteUri))
            .Select(same => same.OrderByDescending(entry => Messages(entry.Element).Count()).First())
            .ToHashSet();
        return entries.Where(entry => !entry.IsWebSocket || fullest.Contains(entry));
    }

    private HttpExchange Exchange(HarEntry entry, decimal start)
    {
        var request = entry.Element.GetProperty("request");
        var response = entry.Element.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var requestBody = RequestBody(request, entry.Number);
        var responseBody = ResponseBody(response, entry.Number);

        // One flag for both bodies: when either is binary, both are base64.
        var base64 = requestBody is { IsText: false } || responseBody is { IsText: false };
        return new HttpExchange(
            At(entry.Started, start),
            Text(request, "method") ?? "GET",
            entry.Url,
            Headers(request),
            requestBody?.As(base64),
            entry.Status,
            Headers(response),
            responseBody?.As(base64),
            base64);
    }

    private IEnumerable<(decimal Time, RecordedEvent Event)> WebSocket(HarEntry entry, decimal start)
    {
        var name = (++_connections).ToString(CultureInfo.InvariantCulture);
        var request = entry.Element.GetProperty("request");
        var response = entry.Element.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var opened = At(entry.Started, start);
        yield return (entry.Started, new WebSocketOpened(
            opened,
            name,
            AsWebSocketUrl(entry.Url),
            Headers(request),
            Headers(response).FirstOrDefault(h => h.Name.Equals("Sec-WebSocket-Protocol", StringComparison.OrdinalIgnoreCase))?.Value));

        var last = entry.Started;
        (decimal, RecordedEvent)? closed = null;
        foreach (var message in Messages(entry.Element))
        {
            var direction = Text(message, "type");
            if (direction is not ("send" or "receive"))
            {
                // DevTools also lists a frame that failed ("error"): nothing was sent or received.
                continue;
            }

            var time = message.TryGetProperty("time", out var t) && t.TryGetDecimal(out var seconds) ? seconds * 1000 : entry.Started;
            var at = At(time, start);
            var opcode = message.TryGetProperty("opcode", out var op) && op.TryGetInt32(out var number) ? number : 1;
            var data = Text(message, "data") ?? "";
            var fromClient = direction == "send";
            last = Math.Max(last, time);
            switch (opcode)
            {
                case 1:
                    yield return (time, new WebSocketFrame(at, name, fromClient, data));
                    break;
                case 2:
                    yield return (time, new WebSocketFrame(at, name, fromClient, data, Binary: true));
                    break;
                case 8 when closed is null:
                    // The first close frame says who closed; the other side's answer adds nothing.
                    var (status, reason) = CloseFrame.Read(data);
                    closed = (time, new WebSocketClosed(at, name, fromClient, status, reason));
                    break;
            }

            // Continuation frames never stand alone in a HAR, and pings and pongs are plumbing.
        }

        // A HAR says nothing of a close it did not see as a frame: the connection ended with its last
        // message, as the page that held it went away.
        yield return closed ?? (last, new WebSocketClosed(At(last, start), name, ByClient: true, Status: null, Reason: null));
    }

    private static IEnumerable<JsonElement> Messages(JsonElement entry) =>
        entry.TryGetProperty("_webSocketMessages", out var messages) && messages.ValueKind == JsonValueKind.Array
            ? messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object)
            : [];

    private HarBody? RequestBody(JsonElement request, int number)
    {
        if (!request.TryGetProperty("postData", out var postData) || postData.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (Text(postData, "text") is { Length: > 0 } text)
        {
            return IsBase64(Text(postData, "encoding") ?? Text(postData, "_encoding"))
                ? HarBody.FromBase64(text) ?? throw NotHar($"entry {number} has a request body marked base64 that is not base64")
                : HarBody.OfText(text);
        }

        // A form that the writer kept only as its fields.
        if (postData.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Array
            && parameters.GetArrayLength() > 0)
        {
            return HarBody.OfText(string.Join('&', parameters.EnumerateArray().Select(p =>
                $"{Uri.EscapeDataString(Text(p, "name") ?? "")}={Uri.EscapeDataString(Text(p, "value") ?? "")}")));
        }

        return null;
    }

    private HarBody? ResponseBody(JsonElement response, int number)
    {
        if (response.ValueKind != JsonValueKind.Object || !response.TryGetProperty("content", out var content)
            || content.ValueKind != JsonValueKind.Object || Text(content, "text") is not { Length: > 0 } text)
        {
            return null;
        }

        return IsBase64(Text(content, "encoding"))
            ? HarBody.FromBase64(text) ?? throw NotHar($"entry {number} has a response body marked base64 that is not base64")
            : HarBody.OfText(text);
    }

    private static bool IsBase64(string? encoding) => string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase);

    private static List<RecordedHeader> Headers(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("headers", out var headers)
            || headers.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        // HTTP/2's pseudo-headers (:authority, :path) are how the request line travels, not headers;
        // a header listed twice with the same value (as some writers merge two sources) is one header.
        return headers.EnumerateArray()
            .Where(h => h.ValueKind == JsonValueKind.Object)
            .Select(h => new RecordedHeader(Text(h, "name") ?? "", Text(h, "value") ?? ""))
            .Where(h => h.Name.Length > 0 && !h.Name.StartsWith(':'))
            .DistinctBy(h => (h.Name.ToLowerInvariant(), h.Value))
            .ToList();
    }

    private static Uri AsWebSocketUrl(Uri url) => url.Scheme switch
    {
        "http" => new UriBuilder(url) { Scheme = "ws", Port = url.IsDefaultPort ? -1 : url.Port }.Uri,
        "https" => new UriBuilder(url) { Scheme = "wss", Port = url.IsDefaultPort ? -1 : url.Port }.Uri,
        _ => url,
    };


    private static decimal Milliseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (decimal)TimeSpan.TicksPerMillisecond;

    // Whole milliseconds, as DevTools gives an entry's start: a message's time is cut to its millisecond too.
    private static TimeSpan At(decimal milliseconds, decimal start) => TimeSpan.FromMilliseconds((long)(Math.Floor(milliseconds) - Math.Floor(start)));

    private RecordingException NotHar(string why) => new($"{path} is not a HAR file: {why}.");
}
