using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver.Values;

namespace BddWs.Driver.Json;

/// <summary>
/// A JSON document a received message must be equal to, or contain (<see cref="JsonComparison"/>
/// says how values compare), with placeholders (<see cref="JsonPlaceholder"/>) where any value will do.
/// </summary>
public sealed class JsonDocumentPattern
{
    private const int MaxShownLength = 160;

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonNode? _expected;

    // A wait judges every message again at each new one: each is compared once.
    private readonly ConditionalWeakTable<WebSocketMessage, Compared> _comparisons = new();

    private JsonDocumentPattern(JsonNode? expected, bool extraFieldsAllowed)
    {
        _expected = expected;
        ExtraFieldsAllowed = extraFieldsAllowed;
    }

    /// <summary>True for "containing": received objects may have more fields than the expected ones.</summary>
    public bool ExtraFieldsAllowed { get; }

    /// <summary>The expected document, compact, placeholders as written.</summary>
    public string Text => _expected?.ToJsonString(Readable) ?? "null";

    /// <summary>The message must be this document, no field more or less.</summary>
    public static JsonDocumentPattern EqualTo(string json) => new(Read(json), extraFieldsAllowed: false);

    /// <summary>The message must have every field of this document, at any depth; it may have more.</summary>
    public static JsonDocumentPattern Containing(string json) => new(Read(json), extraFieldsAllowed: true);

    /// <summary>How <paramref name="message"/> compares; null when it is binary or not JSON.</summary>
    public JsonComparison? CompareWith(WebSocketMessage message) =>
        _comparisons.GetValue(message, m => new Compared(ParsedMessages.TryGet(m, out var document) ? JsonComparison.Of(_expected, document, ExtraFieldsAllowed) : null)).Comparison;

    /// <summary>How a JSON document other than a message (an HTTP response's body) compares.</summary>
    public JsonComparison CompareWith(JsonNode? document) => JsonComparison.Of(_expected, document, ExtraFieldsAllowed);

    /// <summary>The expected document as a failure names it: <c>JSON containing {"type":"greeting"}</c>, long ones shortened.</summary>
    public string Described => $"JSON {(ExtraFieldsAllowed ? "containing" : "equal to")} {Shown()}";

    /// <summary><c>in JSON containing {"type":"greeting"}</c>, with its closest miss told in a failure.</summary>
    public MessageCheck Check() => new MessageCheck(
        $"in {Described}",
        m => CompareWith(m)?.Matches == true)
    {
        Compare = m => CompareWith(m) is { Matches: false } comparison ? new TextMismatch(comparison.Agreeing, comparison.FirstDifference!) : null,
    };

    /// <summary>
    /// Remembers what each <c>(remember name)</c> caught in <paramref name="matched"/>, the message
    /// that met the check; secret when the field's name looks like a credential.
    /// </summary>
    public void RememberFrom(WebSocketMessage? matched, ScenarioValues values)
    {
        if (matched is not null && CompareWith(matched) is { Matches: true } comparison)
        {
            RememberFrom(comparison, values);
        }
    }

    /// <summary>Remembers what each <c>(remember name)</c> caught in a comparison that matched.</summary>
    public static void RememberFrom(JsonComparison comparison, ScenarioValues values)
    {
        foreach (var (name, value, path) in comparison.Remembered)
        {
            values.Remember(name, value, SecretNames.Looks(path));
        }
    }

    private string Shown()
    {
        var text = Text;
        return text.Length > MaxShownLength ? $"{text[..MaxShownLength]}… ({text.Length} characters)" : text;
    }

    private static JsonNode? Read(string json)
    {
        JsonNode? expected;
        try
        {
            expected = JsonNode.Parse(json);
            CheckPlaceholders(expected);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The expected JSON is not valid: {JsonBuilder.Where(ex)}", ex);
        }
        catch (ArgumentException ex) when (ex is not ArgumentNullException)
        {
            // JsonObject refuses a name written twice only when its fields are first read.
            throw new FormatException("The expected JSON has a field written twice in one object.", ex);
        }

        return expected;
    }

    // A misspelt placeholder is told before any message is awaited.
    internal static void CheckPlaceholders(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    CheckPlaceholders(value);
                }

                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    CheckPlaceholders(element);
                }

                break;
            default:
                JsonPlaceholder.TryRead(node, out _);
                break;
        }
    }

    private sealed record Compared(JsonComparison? Comparison);
}
