using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>JSON as the draft reads and writes it: short documents on one line, longer ones indented.</summary>
internal static class DraftJson
{
    private const int LongestLine = 80;

    // Readable text: "Zoë" and "<b>" as they are; the draft is read by people, not put in HTML.
    private static readonly JsonSerializerOptions OneLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        IndentSize = 2,
    };

    /// <summary>The JSON value of a text, or null when it is not JSON.</summary>
    public static JsonNode? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.TrimStart();
        if (trimmed[0] is not ('{' or '['))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>On one line: hub arguments, a hub result.</summary>
    public static string Compact(JsonNode? node) => node?.ToJsonString(OneLine) ?? "null";

    /// <summary>For a doc string: on one line when it is short, indented when not.</summary>
    public static string Document(JsonNode? node)
    {
        var line = Compact(node);
        return line.Length <= LongestLine ? line : node!.ToJsonString(Indented);
    }

    /// <summary>Every value that is not an object or an array, in document order.</summary>
    public static IEnumerable<JsonValue> Leaves(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList())
                {
                    foreach (var leaf in Leaves(child))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    foreach (var leaf in Leaves(child))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValue value:
                yield return value;
                break;
        }
    }

    /// <summary>The name of the field a value stands under (<c>token</c> for <c>$.auth.token</c>); null for an array element or the root.</summary>
    public static string? FieldName(JsonNode node) => node.Parent is JsonObject ? node.GetPropertyName() : null;

    /// <summary>A text value, or null for another kind.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="leaf"/> stands.</summary>
    public static void Replace(JsonValue leaf, string replacement)
    {
        if (leaf.Parent is null)
        {
            return;
        }

        leaf.ReplaceWith(JsonValue.Create(replacement));
    }
}
