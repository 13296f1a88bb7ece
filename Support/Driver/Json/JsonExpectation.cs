using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver;

namespace BddWs.Driver.Json;

/// <summary>
/// "Where <c>$.path</c> is <c>value</c>", as a product owner writes it: a string in the message
/// matches the same text; numbers, true, false, null, objects and arrays match their JSON
/// (<c>6</c>, <c>true</c>, <c>{"a":1}</c>); <c>(missing)</c> matches a path that is not there.
/// </summary>
public sealed record JsonExpectation(JsonPath Path, string Expected)
{
    public const string Missing = "(missing)";

    public static JsonExpectation Parse(string path, string expected) => new(JsonPath.Parse(path), expected);

    public bool IsMetBy(JsonNode? document)
    {
        var found = Path.TryFind(document, out var value);
        if (Expected == Missing)
        {
            return !found;
        }

        return found && Matches(value, Expected);
    }

    public override string ToString() => $"{Path} is {(Expected == Missing ? Missing : Format.Quoted(Expected))}";

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

    private static bool Matches(JsonNode? actual, string expected)
    {
        if (actual is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>() == expected;
        }

        return TryParse(expected, out var expectedNode) && JsonNode.DeepEquals(actual, expectedNode);
    }
}
