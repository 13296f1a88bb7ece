using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BddWs.Driver.Json;

/// <summary>
/// The small JSON path language of the step library: <c>$.user.name</c>, <c>$.items[0].id</c>,
/// <c>$['odd key']</c>; the leading <c>$</c> may be left out (<c>user.name</c>).
/// </summary>
public sealed partial class JsonPath
{
    private readonly IReadOnlyList<object> _segments;

    private JsonPath(string text, IReadOnlyList<object> segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    public override string ToString() => Text;

    /// <summary>Reads a path; throws <see cref="FormatException"/> saying what is wrong with it.</summary>
    public static JsonPath Parse(string text)
    {
        var rest = text.Trim();
        rest = rest.StartsWith('$') ? rest[1..] : "." + rest;
        var segments = new List<object>();
        while (rest.Length > 0)
        {
            var match = Segment().Match(rest);
            if (!match.Success)
            {
                throw new FormatException(
                    $"\"{text}\" is not a JSON path; write it like $.user.name, $.items[0].id or $['a key'].");
            }

            segments.Add(match.Groups["index"].Success
                ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture)
                : match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["quoted"].Value);
            rest = rest[match.Length..];
        }

        return new JsonPath(text.Trim(), segments);
    }

    /// <summary>
    /// Roughly where this path's value stands in <paramref name="json"/>, the text of a message: the
    /// last place its last name is written as a key; null when it is not. Only for showing a long
    /// message around the part a failure is about, never for judging it.
    /// </summary>
    public int? Whereabouts(string json) =>
        _segments.OfType<string>().LastOrDefault() is { } name
            && Regex.Matches(json, Regex.Escape(System.Text.Json.JsonSerializer.Serialize(name)) + @"\s*:") is { Count: > 0 } keys
            ? keys[^1].Index
            : null;

    /// <summary>Finds the value at this path; false when some step of the path is missing.</summary>
    public bool TryFind(JsonNode? root, out JsonNode? value)
    {
        value = root;
        foreach (var segment in _segments)
        {
            switch (segment, value)
            {
                case (string name, JsonObject obj) when obj.TryGetPropertyValue(name, out var child):
                    value = child;
                    break;
                case (int index, JsonArray array) when index < array.Count:
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^(?:\.(?<name>[^.\[\]]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']*)'\]|\[""(?<quoted>[^""]*)""\])")]
    private static partial Regex Segment();
}
