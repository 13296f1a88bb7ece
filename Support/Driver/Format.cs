using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BddWs.Driver;

/// <summary>How events, messages and durations read in failure messages and in the report.</summary>
public static class Format
{
    public const int MaxTextLength = 200;
    public const int MaxListedEvents = 10;

    private const string EndSpace = "␠";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1000 => $"{duration.TotalMilliseconds:0} ms",
        var ms when ms % 1000 == 0 => $"{duration.TotalSeconds:0}s",
        _ => $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s",
    };

    /// <summary>A short time between events: <c>0.4 ms</c>, <c>12 ms</c>, <c>1.5s</c>.</summary>
    public static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalMilliseconds < 10 ? $"{elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms" : Duration(elapsed);

    /// <summary><c>"text"</c> for text, <c>binary (3 bytes: 01 02 03)</c> for bytes; long ones shortened.</summary>
    public static string Message(WebSocketMessage message) => MessageAround(message, null);

    /// <summary>
    /// A JSON value as a feature writes it (compact, text unescaped), long ones shortened: a dialect's
    /// arguments, results and payloads in failures and the report.
    /// </summary>
    public static string Value(JsonNode? value)
    {
        var json = value?.ToJsonString(Readable) ?? "null";
        return json.Length > MaxTextLength ? $"{json[..MaxTextLength]}… ({json.Length} characters)" : json;
    }

    /// <summary>As <see cref="Message(WebSocketMessage)"/>, a long text shortened around <paramref name="focus"/> (a character index) when given.</summary>
    public static string MessageAround(WebSocketMessage message, int? focus) =>
        message.IsText ? QuotedAround(message.Text, focus) : $"binary ({message.Bytes.Length} bytes: {Hex(message.Bytes)})";

    /// <summary>
    /// Text between double quotes, shown the same way wherever it appears, expected or received,
    /// so that texts which differ never print alike: <c>\n</c> is a line break, <c>\r</c> a
    /// carriage return, <c>\t</c> a tab, <c>\\</c> a backslash (a written backslash-n reads
    /// <c>\\n</c>), <c>␠</c> a space at the very end, <c>\u00A0</c> a non-breaking space and any
    /// other invisible character by its code. Long texts are shortened. A JSON object or array is
    /// shown as the JSON text it is, its backslashes its own escapes (<c>{"a":"\u0022"}</c>), not
    /// doubled: a reader compares it with the JSON the service's own log or documentation shows.
    /// </summary>
    public static string Quoted(string text) => QuotedAround(text, null);

    /// <summary>
    /// As <see cref="Quoted(string)"/>, but a long text is shortened around <paramref name="focus"/>
    /// (a character index: the part a failure is about), not only from its start:
    /// <c>"…"status":"late"} (207 characters)"</c>.
    /// </summary>
    public static string QuotedAround(string text, int? focus)
    {
        if (text.Length <= MaxTextLength)
        {
            return "\"" + Visible(text, markEndSpaces: true, json: IsJsonDocument(text)) + "\"";
        }

        // The part of interest is shown with some of what precedes it, for the reader to find it by.
        var start = focus is { } at && at > MaxTextLength - (MaxTextLength / 4)
            ? Math.Min(at - (MaxTextLength / 4), text.Length - MaxTextLength)
            : 0;
        var end = start + MaxTextLength;
        var shown = Visible(text[start..end], markEndSpaces: false, json: IsJsonDocument(text));
        return "\"" + (start > 0 ? "…" : "") + shown + (end < text.Length ? "…" : "") + $" ({text.Length} characters)\"";
    }

    private static string Visible(string text, bool markEndSpaces, bool json)
    {
        var backslash = json ? @"\" : @"\\";
        var endSpacesFrom = markEndSpaces ? text.TrimEnd(' ').Length : text.Length;
        var visible = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            visible.Append(text[i] switch
            {
                '\\' => backslash,
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                ' ' => i >= endSpacesFrom ? EndSpace : " ",
                // The sign that marks an end space, when a text holds it, must not pass for one.
                '␠' => @"\u2420",
                var c when IsInvisible(c) => $@"\u{(int)c:X4}",
                var c => c.ToString(),
            });
        }

        return visible.ToString();
    }

    /// <summary>Whether the text is one JSON object or array, whole.</summary>
    private static bool IsJsonDocument(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.IsEmpty || (start[0] != '{' && start[0] != '['))
        {
            return false;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Control characters and spaces other than the plain one: they print as nothing, or as a space.</summary>
    public static bool IsInvisible(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.SpaceSeparator => c != ' ',
        _ => false,
    };

    public static string Hex(byte[] bytes)
    {
        const int shown = 32;
        var hex = Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, shown)));
        var spaced = new StringBuilder();
        for (var i = 0; i < hex.Length; i += 2)
        {
            spaced.Append(i == 0 ? "" : " ").Append(hex, i, 2);
        }

        return bytes.Length > shown ? spaced + " …" : spaced.ToString();
    }

    public static string State(WebSocketState state) => state switch
    {
        WebSocketState.None or WebSocketState.Connecting => "not connected",
        WebSocketState.Open => "open",
        WebSocketState.CloseSent => "closing (client sent close)",
        WebSocketState.CloseReceived => "closing (server sent close)",
        WebSocketState.Closed => "closed",
        _ => "aborted",
    };

    /// <summary><c>1000 NormalClosure "bye"</c>; <c>4001 "bye"</c> for a status without a name.</summary>
    public static string Close(WebSocketCloseStatus? status, string? reason)
    {
        var code = status switch
        {
            null => "no status",
            { } s when CloseStatusNames.NameOf(s) is { } name => $"{(int)s} {name}",
            { } s => $"{(int)s}",
        };
        return string.IsNullOrEmpty(reason) ? code : $"{code} {Quoted(reason)}";
    }

    /// <summary>
    /// <c>1 message: [1] "Hi"</c>, numbered, at most <see cref="MaxListedEvents"/> shown. A dialect's
    /// records are listed in its words (<see cref="Dialects.IDialect.Shown"/>, <see cref="Dialects.IDialect.RecordNoun"/>):
    /// <c>1 hub message: [1] ReceiveMessage("a", "hi")</c>.
    /// </summary>
    public static string ReceivedList(IReadOnlyList<WebSocketMessage> messages) => ReceivedList(messages, (Func<WebSocketMessage, int, int?>?)null);

    /// <summary>As <see cref="ReceivedList(IReadOnlyList{WebSocketMessage})"/> on a connection of this dialect, which also names what did not come: <c>no hub message</c>.</summary>
    public static string ReceivedList(IReadOnlyList<WebSocketMessage> messages, Dialects.IDialect dialect) =>
        messages.Count == 0 ? $"no {dialect.RecordNoun}" : ReceivedList(messages);

    /// <summary>As <see cref="ReceivedList(IReadOnlyList{WebSocketMessage})"/>, each long text shortened around the part <paramref name="focus"/> points at.</summary>
    public static string ReceivedList(IReadOnlyList<WebSocketMessage> messages, Func<WebSocketMessage, int?> focus) => ReceivedList(messages, (m, _) => focus(m));

    /// <summary>As <see cref="ReceivedList(IReadOnlyList{WebSocketMessage}, Func{WebSocketMessage, int?})"/>, the focus told the message and its index (from 0).</summary>
    public static string ReceivedList(IReadOnlyList<WebSocketMessage> messages, Func<WebSocketMessage, int, int?>? focus)
    {
        if (messages.Count == 0)
        {
            return "no message";
        }

        // Records of one dialect read in its words; anything else (or a mix) as plain messages.
        var dialect = messages[0].Dialect is { } first && messages.All(m => m.Dialect == first) ? first : null;
        var listed = messages.Take(MaxListedEvents).Select((m, i) =>
            $"[{i + 1}] {dialect?.Shown(m, MessageDirection.Received) ?? MessageAround(m, focus?.Invoke(m, i))}");
        var more = messages.Count > MaxListedEvents ? $" … and {messages.Count - MaxListedEvents} more" : "";
        return $"{Count(messages.Count, dialect?.RecordNoun ?? "message")}: {string.Join(" ", listed)}{more}";
    }

    /// <summary>
    /// A text from elsewhere (a server's error, a library's message) made to stand before a sentence's
    /// own full stop: its trailing full stops and spaces dropped, so the sentence ends with one.
    /// </summary>
    public static string Clause(string foreign) => foreign.TrimEnd().TrimEnd('.').TrimEnd();

    /// <summary><c>[1]</c>, <c>[1] and [3]</c>, <c>[1], [3] and [4]</c>: message numbers as lists show them, at most <see cref="MaxListedEvents"/>.</summary>
    public static string Positions(IReadOnlyList<int> positions)
    {
        var shown = positions.Take(MaxListedEvents).Select(p => $"[{p}]").ToList();
        var more = positions.Count > MaxListedEvents ? $" and {positions.Count - MaxListedEvents} more" : "";
        return more.Length > 0 || shown.Count == 1 ? string.Join(", ", shown) + more : $"{string.Join(", ", shown.SkipLast(1))} and {shown[^1]}";
    }

    public static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
