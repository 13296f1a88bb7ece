using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver;
using BddWs.Driver.Values;

namespace BddWs.Driver.Json;

/// <summary>
/// "Where <c>$.path</c> is <c>value</c>", as a product owner writes it: a string in the message
/// matches the same text; numbers, true, false, null, objects and arrays match their JSON
/// (<c>6</c>, <c>true</c>, <c>{"a":1}</c>, numbers as numbers); a placeholder (<see cref="JsonPlaceholder"/>:
/// <c>(any string)</c>, <c>(present)</c>, <c>(matching ^A-\d+$)</c>, <c>(missing)</c> for a path that
/// is not there, <c>(remember name)</c>) stands for a kind of value. Values compare as a JSON document's
/// do (<see cref="JsonComparison"/>), so a placeholder means the same here as there.
/// </summary>
public sealed record JsonExpectation
{
    public const string Missing = "(missing)";

    private readonly JsonPlaceholder? _placeholder;

    private JsonExpectation(JsonPath path, string expected, JsonPlaceholder? placeholder)
    {
        Path = path;
        Expected = expected;
        _placeholder = placeholder;
    }

    public JsonPath Path { get; }

    public string Expected { get; }

    /// <summary>True when a value here is remembered once it matched: <c>(remember name)</c>, at any depth.</summary>
    public bool Remembers => _placeholder?.RememberAs is not null || Expected.Contains("\"(remember ", StringComparison.Ordinal);

    /// <summary>
    /// The expectation of <paramref name="expected"/> at <paramref name="path"/>; a misspelt placeholder
    /// throws, and so does <c>(remember name)</c> when the sentence does not remember (<paramref name="remembering"/> false).
    /// </summary>
    public static JsonExpectation Parse(string path, string expected, bool remembering = false)
    {
        var jsonPath = JsonPath.Parse(path);
        var placeholder = JsonPlaceholder.TryRead(expected, out var p) ? p : null;
        if (placeholder is null && TryParse(expected, out var document))
        {
            // Placeholders inside a JSON value written in one cell are read now, a misspelt one told at once.
            JsonDocumentPattern.CheckPlaceholders(document);
        }

        var parsed = new JsonExpectation(jsonPath, expected, placeholder);
        if (parsed.Remembers && !remembering)
        {
            throw new FormatException(
                $"{parsed} cannot remember here: this sentence keeps no value; remember it afterwards from the message that matched.");
        }

        return parsed;
    }

    public bool IsMetBy(JsonNode? document) => Compare(document) is null;

    /// <summary>What the <c>(remember name)</c> placeholders caught in <paramref name="document"/>, with the path each was found at.</summary>
    public IReadOnlyList<(string Name, string Value, string Path)> RememberedFrom(JsonNode? document) =>
        Path.TryFind(document, out var value) && Comparison(value) is { Matches: true } comparison
            ? comparison.Remembered.Select(r => (r.Name, r.Value, Path.Text + r.Path[1..])).ToList()
            : [];

    /// <summary>
    /// Remembers what the <c>(remember name)</c> placeholders of <paramref name="expectations"/> caught in
    /// <paramref name="document"/>, which met them; secret when the path's last name looks like a credential.
    /// </summary>
    public static void RememberFrom(IEnumerable<JsonExpectation> expectations, JsonNode? document, ScenarioValues values)
    {
        foreach (var (name, value, path) in expectations.SelectMany(e => e.RememberedFrom(document)))
        {
            values.Remember(name, value, SecretNames.Looks(path));
        }
    }

    /// <summary>Null when <paramref name="document"/> meets the expectation; else where it differs, in words.</summary>
    public string? Compare(JsonNode? document)
    {
        var found = Path.TryFind(document, out var value);
        if (_placeholder?.WantsMissing == true)
        {
            return found ? "is there" : null;
        }

        return !found ? "is missing" : Comparison(value).FirstDifference;
    }

    public override string ToString() => $"{Path} is {(_placeholder is not null ? _placeholder.Text : Format.Quoted(Expected))}";

    /// <summary>The message as JSON, or null when it is not JSON.</summary>
    public static bool TryParse(string text, out JsonNode? document)
    {
        try
        {
            document = JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            document = null;
            return false;
        }
    }

    private JsonComparison Comparison(JsonNode? actual) => JsonComparison.Of(ExpectedFor(actual), actual, extraFieldsAllowed: false);

    // A string in the message is matched by the same text; anything else by the JSON the text reads as.
    private JsonNode? ExpectedFor(JsonNode? actual) =>
        _placeholder is null && !(actual is JsonValue value && value.GetValueKind() == JsonValueKind.String) && TryParse(Expected, out var expected)
            ? expected
            : JsonValue.Create(Expected);
}
