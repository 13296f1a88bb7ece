using System.Text.Json;
using System.Text.Json.Nodes;

namespace BddWs.Driver.Json;

/// <summary>Builds the JSON a step sends: checked and compacted text, or an object from path/value rows.</summary>
public static class JsonBuilder
{
    /// <summary>The JSON text without insignificant white space; invalid JSON throws, saying where (and <paramref name="what"/> it is).</summary>
    public static string Compact(string json, string what = "The JSON to send")
    {
        try
        {
            var node = JsonNode.Parse(json);
            JsonPlaceholder.RefuseIn(node, what);
            return node?.ToJsonString() ?? "null";
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{what} is not valid: {Where(ex)}", ex);
        }
    }

    /// <summary>
    /// <c>'g' is an invalid start of a value, at line 1, character 11</c>: the parser's reason,
    /// with the place counted as a person counts it instead of its zero-based "LineNumber: 0 | BytePositionInLine: 10".
    /// </summary>
    internal static string Where(JsonException error)
    {
        var reason = error.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        reason = (cut >= 0 ? reason[..cut] : reason).TrimEnd('.', ' ');
        return error.LineNumber is { } line && error.BytePositionInLine is { } position
            ? $"{reason}, at line {line + 1}, character {position + 1}."
            : reason + ".";
    }

    /// <summary>
    /// <c>user.name | Ada</c> and <c>user.age | 36</c> make <c>{"user":{"name":"Ada","age":36}}</c>.
    /// A value that reads as JSON (number, true, false, null, quoted text, object, array) is taken as JSON; anything else as text.
    /// </summary>
    public static string FromPaths(IEnumerable<KeyValuePair<string, string>> rows)
    {
        var root = new JsonObject();
        foreach (var (path, value) in rows)
        {
            var names = path.Trim().TrimStart('$').TrimStart('.').Split('.');
            var target = root;
            foreach (var name in names[..^1])
            {
                target = target[name] as JsonObject ?? (JsonObject)(target[name] = new JsonObject());
            }

            var node = JsonExpectation.TryParse(value, out var json) ? json : JsonValue.Create(value);
            JsonPlaceholder.RefuseIn(node, $"The value of {path.Trim()} to send");
            target[names[^1]] = node;
        }

        return root.ToJsonString();
    }
}
