using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BddWs.Cli.Recording.Har;

/// <summary>
/// Writes a <see cref="RecordedSession"/> as HAR 1.2 in the form DevTools exports and imports: every
/// field its importer requires, WebSocket messages in <c>_webSocketMessages</c> (times in seconds since
/// 1970), the close as a close frame (opcode 8). Times are the session's, in whole milliseconds from
/// when the file was written less the session's length. Reading the file back gives the same session,
/// connections numbered in the order they opened.
/// </summary>
internal static class HarWriter
{
    // Readable text in the file (quotes, <, non-ASCII); it is JSON for tools, not for an HTML page.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(RecordedSession session, string path)
    {
        var length = session.Events.Count > 0 ? Milliseconds(session.Events.Max(e => e.At)) : 0;
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - length;
        var times = Times(session.Events, start);

        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file, Options);
        json.WriteStartObject();
        json.WriteStartObject("log");
        json.WriteString("version", "1.2");
        json.WriteStartObject("creator");
        json.WriteString("name", "bddws");
        json.WriteString("version", Version());
        json.WriteEndObject();
        json.WriteStartArray("pages");
        json.WriteEndArray();
        json.WriteStartArray("entries");
        for (var i = 0; i < session.Events.Count; i++)
        {
            switch (session.Events[i])
            {
                case HttpExchange exchange:
                    WriteExchange(json, exchange, times[i]);
                    break;
                case WebSocketOpened opened:
                    WriteWebSocket(json, opened, session.Events, times, i);
                    break;
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteExchange(Utf8JsonWriter json, HttpExchange exchange, long started)
    {
        json.WriteStartObject();
        WriteStart(json, started);
        json.WriteStartObject("request");
        WriteRequestLine(json, exchange.Method, exchange.Url, exchange.RequestHeaders);
        if (exchange.RequestBody is { } requestBody)
        {
            json.WriteStartObject("postData");
            json.WriteString("mimeType", ContentType(exchange.RequestHeaders));
            json.WriteString("text", requestBody);
            if (exchange.BodiesAreBase64)
            {
                // HAR has no encoding for a request body; DevTools ignores this one, reading the file back keeps the bytes.
                json.WriteString("_encoding", "base64");
            }

            json.WriteEndObject();
        }

        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", Size(exchange.RequestBody, exchange.BodiesAreBase64));
        json.WriteEndObject();

        WriteResponse(json, exchange.Status, exchange.ResponseHeaders, content =>
        {
            content.WriteNumber("size", Size(exchange.ResponseBody, exchange.BodiesAreBase64));
            content.WriteString("mimeType", ContentType(exchange.ResponseHeaders));
            if (exchange.ResponseBody is { } responseBody)
            {
                content.WriteString("text", responseBody);
                if (exchange.BodiesAreBase64)
                {
                    content.WriteString("encoding", "base64");
                }
            }
        });
        WriteTimings(json);
        json.WriteString("_resourceType", "fetch");
        json.WriteEndObject();
    }

    private static void WriteWebSocket(Utf8JsonWriter json, WebSocketOpened opened, IReadOnlyList<RecordedEvent> events, long[] times, int index)
    {
        json.WriteStartObject();
        WriteStart(json, times[index]);
        json.WriteStartObject("request");
        WriteRequestLine(json, "GET", opened.Url, opened.RequestHeaders);
        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", 0);
        json.WriteEndObject();
        List<RecordedHeader> responseHeaders = opened.Subprotocol is { } subprotocol ? [new("Sec-WebSocket-Protocol", subprotocol)] : [];
        WriteResponse(json, 101, responseHeaders, content =>
        {
            content.WriteNumber("size", 0);
            content.WriteString("mimeType", "x-unknown");
        });
        WriteTimings(json);
        json.WriteString("_resourceType", "websocket");
        json.WriteStartArray("_webSocketMessages");
        for (var i = index + 1; i < events.Count; i++)
        {
            switch (events[i])
            {
                case WebSocketFrame frame when frame.Connection == opened.Connection:
                    WriteMessage(json, frame.FromClient, times[i], frame.Binary ? 2 : 1, frame.Payload);
                    break;
                case WebSocketClosed closed when closed.Connection == opened.Connection:
                    WriteMessage(json, closed.ByClient, times[i], 8, CloseFrame.Write(closed.Status, closed.Reason));
                    break;
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, bool fromClient, long time, int opcode, string data)
    {
        json.WriteStartObject();
        json.WriteString("type", fromClient ? "send" : "receive");
        json.WriteNumber("time", time / 1_000_000m);
        json.WriteNumber("opcode", opcode);
        json.WriteString("data", data);
        json.WriteEndObject();
    }

    private static void WriteStart(Utf8JsonWriter json, long time)
    {
        var started = DateTimeOffset.UnixEpoch.AddTicks(time * (TimeSpan.TicksPerMillisecond / 1000));
        json.WriteString("startedDateTime", started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        json.WriteNumber("time", 0);
    }

    private static void WriteRequestLine(Utf8JsonWriter json, string method, Uri url, IReadOnlyList<RecordedHeader> headers)
    {
        json.WriteString("method", method);
        json.WriteString("url", url.AbsoluteUri);
        json.WriteString("httpVersion", "HTTP/1.1");
        json.WriteStartArray("cookies");
        json.WriteEndArray();
        WriteHeaders(json, headers);
        json.WriteStartArray("queryString");
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = pair.IndexOf('=') is var equals and >= 0 ? (pair[..equals], pair[(equals + 1)..]) : (pair, "");
            json.WriteStartObject();
            json.WriteString("name", Uri.UnescapeDataString(name));
            json.WriteString("value", Uri.UnescapeDataString(value));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteResponse(Utf8JsonWriter json, int status, IReadOnlyList<RecordedHeader> headers, Action<Utf8JsonWriter> content)
    {
        json.WriteStartObject("response");
        json.WriteNumber("status", status);
        json.WriteString("statusText", "");
        json.WriteString("httpVersion", "HTTP/1.1");
        json.WriteStartArray("cookies");
        json.WriteEndArray();
        WriteHeaders(json, headers);
        json.WriteStartObject("content");
        content(json);
        json.WriteEndObject();
        json.WriteString("redirectURL", headers.FirstOrDefault(h => h.Name.Equals("Location", StringComparison.OrdinalIgnoreCase))?.Value ?? "");
        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", -1);
        json.WriteEndObject();
    }

    private static void WriteHeaders(Utf8JsonWriter json, IReadOnlyList<RecordedHeader> headers)
    {
        json.WriteStartArray("headers");
        foreach (var header in headers)
        {
            json.WriteStartObject();
            json.WriteString("name", header.Name);
            json.WriteString("value", header.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // The session keeps no timings: what HAR requires, and no more.
    private static void WriteTimings(Utf8JsonWriter json)
    {
        json.WriteStartObject("cache");
        json.WriteEndObject();
        json.WriteStartObject("timings");
        json.WriteNumber("send", 0);
        json.WriteNumber("wait", 0);
        json.WriteNumber("receive", 0);
        json.WriteEndObject();
    }

    private static int Size(string? body, bool base64) =>
        body is null ? 0 : base64 ? Convert.FromBase64String(body).Length : Encoding.UTF8.GetByteCount(body);

    private static string ContentType(IReadOnlyList<RecordedHeader> headers) =>
        headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?.Value ?? "";

    // When each event happened, in microseconds since 1970: its millisecond, and within the millisecond
    // its place among the events of that millisecond, so that reading the file back (which orders by
    // time) keeps the session's order where the milliseconds alone would not tell.
    private static long[] Times(IReadOnlyList<RecordedEvent> events, long start)
    {
        var times = new long[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var millisecond = (start + Milliseconds(events[i].At)) * 1000;
            times[i] = i > 0 && times[i - 1] / 1000 == millisecond / 1000 ? Math.Min(times[i - 1] + 1, millisecond + 499) : millisecond;
        }

        return times;
    }

    private static long Milliseconds(TimeSpan at) => (long)Math.Round(at.TotalMilliseconds);

    private static string Version()
    {
        var version = typeof(HarWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        return version.Split('+')[0];
    }
}
