using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver.Json;

namespace BddWs.Driver.Hubs;

/// <summary>
/// A list of JSON values as a feature writes it: <c>2, 3</c>, <c>"Alice", "hi"</c>, or in plain
/// English <c>3, 2 and 1</c>.
/// </summary>
public static class HubValues
{
    /// <param name="text">The values, separated by commas (the last may be by "and").</param>
    /// <param name="what">Whose values they are, for the message that refuses them: <c>The arguments of Add</c>.</param>
    public static JsonArray Parse(string text, string what)
    {
        if (text.Trim().Length == 0)
        {
            return [];
        }

        if (TryRead($"[{text}]", out var values) || TryRead($"[{LastAndAsComma(text)}]", out values))
        {
            return values;
        }

        throw new FormatException($"{what} ({text}) are not JSON values separated by commas (write text in double quotes, as in \"Alice\", 2, true).");
    }

    private static bool TryRead(string json, out JsonArray values)
    {
        try
        {
            values = JsonNode.Parse(json) as JsonArray ?? [];
            return true;
        }
        catch (JsonException)
        {
            values = [];
            return false;
        }
    }

    // "3, 2 and 1": the last " and " outside quotes is the last comma.
    private static string LastAndAsComma(string text)
    {
        var inText = false;
        var last = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                inText = !inText;
            }
            else if (!inText && string.CompareOrdinal(text, i, " and ", 0, 5) == 0)
            {
                last = i;
            }
        }

        return last < 0 ? text : $"{text[..last]},{text[(last + 5)..]}";
    }

    /// <summary><c>3, 2 and 1</c>: values as a sentence writes them.</summary>
    public static string Show(IEnumerable<JsonNode?> values) => Show(values.ToList());

    private static string Show(List<JsonNode?> values) => values.Count switch
    {
        0 => "nothing",
        1 => Format.Value(values[0]),
        _ => $"{string.Join(", ", values.SkipLast(1).Select(Format.Value))} and {Format.Value(values[^1])}",
    };

    /// <summary>How received values compare with the expected ones, element by element, same length.</summary>
    public static JsonComparison Compare(JsonArray expected, IReadOnlyList<JsonNode?> actual) =>
        JsonComparison.Of(expected, new JsonArray([.. actual.Select(v => v?.DeepClone())]), extraFieldsAllowed: false);
}
