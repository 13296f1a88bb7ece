using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver.Json;
using BddWs.Driver.Values;

namespace BddWs.Driver.Http;

/// <summary>
/// How HTTP traffic reads in the report and in failures: a JSON body compact and bare, any other
/// body quoted like a message (<see cref="Format.Quoted"/>), long ones shortened; the values of
/// JSON fields and form fields whose names look secret (<see cref="SecretNames"/>: password,
/// token …) and of secret headers (<see cref="Secrets.Names"/>, and any name that looks secret) shown as <c>***</c>, so a login
/// never shows its password.
/// </summary>
public static class HttpShown
{
    /// <summary>Response headers worth a line in the report; the rest are in the record for the steps.</summary>
    private static readonly string[] NotableReplyHeaders = ["Location", "Set-Cookie", "WWW-Authenticate", "Retry-After"];

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>→ POST http://127.0.0.1:5000/api/orders (Authorization: ***) {"item":"book"}</c>.</summary>
    public static string RequestLine(HttpExchange exchange) =>
        $"→ {exchange.Request}{HeaderList(exchange.Headers)}{Spaced(exchange.Body is { } body ? Body(body.Text, body.MediaType) : "")}";

    /// <summary><c>← 201 Created (Location: /api/orders/o-1) {"id":"o-1"}</c>, or why there was no answer; the report adds when.</summary>
    public static string ReplyLine(HttpExchange exchange)
    {
        if (exchange.Reply is not { } reply)
        {
            return $"← failed: {exchange.Failure}";
        }

        var notable = reply.Headers.Where(h => NotableReplyHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)).ToList();
        return $"← {reply.StatusLine}{HeaderList(notable)}{Spaced(Body(reply))}";
    }

    /// <summary>The body of an answer as shown; empty for an empty body.</summary>
    public static string Body(HttpReply reply) => Body(reply.Body, reply.MediaType);

    /// <summary>A body as shown: JSON compact with secret fields masked, a form with secret fields masked, other text quoted; long ones shortened.</summary>
    public static string Body(string text, string? mediaType) => Body(text, mediaType, whole: false);

    /// <summary>A body as <see cref="Body(string, string?)"/> shows it, but whole, however long: for a reader who unfolds a shortened one.</summary>
    public static string WholeBody(string text, string? mediaType) => Body(text, mediaType, whole: true);

    private static string Body(string text, string? mediaType, bool whole)
    {
        if (text.Length == 0)
        {
            return "";
        }

        if (mediaType == "application/x-www-form-urlencoded")
        {
            return Shortened(Form(text), whole);
        }

        // A JSON object or array is shown as JSON whatever its label, so its secret fields are masked;
        // a lone "42" or "true" is JSON only when the body says it is.
        var json = JsonExpectation.TryParse(text, out var document)
                   && (document is JsonObject or JsonArray || mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
        return json ? Shortened(Masked(document)?.ToJsonString(Readable) ?? "null", whole) : whole ? text : Format.Quoted(text);
    }

    /// <summary>A value found at a JSON path, as a failure shows it: text quoted, other JSON as it is, a secret field masked.</summary>
    public static string Value(string path, JsonNode? value) =>
        SecretNames.Looks(path) ? Secrets.Mask
        : value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? Format.Quoted(text.GetValue<string>())
        : Shortened(Masked(value?.DeepClone())?.ToJsonString(Readable) ?? "null");

    private static string HeaderList(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var shown = headers.Select(h => $"{h.Key}: {(SecretNames.Looks(h.Key) ? Secrets.Mask : h.Value)}").ToList();
        return shown.Count == 0 ? "" : $" ({string.Join(", ", shown)})";
    }

    private static string Spaced(string text) => text.Length == 0 ? "" : " " + text;

    private static string Shortened(string text, bool whole = false) =>
        !whole && text.Length > Format.MaxTextLength ? $"{text[..Format.MaxTextLength]}… ({text.Length} characters)" : text;

    /// <summary>The document with the value of every field whose name looks secret replaced by <c>***</c>.</summary>
    private static JsonNode? Masked(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields.ToList())
                {
                    if (SecretNames.Looks(name))
                    {
                        fields[name] = JsonValue.Create(Secrets.Mask);
                    }
                    else
                    {
                        Masked(value);
                    }
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Masked(item);
                }

                break;
        }

        return node;
    }

    private static string Form(string text) => string.Join("&", text.Split('&').Select(pair =>
    {
        var name = pair.Split('=')[0];
        return pair.Contains('=') && SecretNames.Looks(Uri.UnescapeDataString(name.Replace('+', ' '))) ? $"{name}={Secrets.Mask}" : pair;
    }));
}
