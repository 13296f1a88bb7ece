using System.Text.Json;

namespace BddWs.Cli.Recording.Har;

/// <summary>Reading a HAR file's JSON leniently: what is missing or of another kind is absent.</summary>
internal static class HarJson
{
    /// <summary>The string <paramref name="property"/> of an object; null when it is not there or not a string.</summary>
    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The first value of the header <paramref name="name"/> (any case) in a request's or response's <c>headers</c>.</summary>
    public static string? Header(JsonElement message, string name) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Array
            ? headers.EnumerateArray()
                .Where(h => string.Equals(Text(h, "name"), name, StringComparison.OrdinalIgnoreCase))
                .Select(h => Text(h, "value"))
                .FirstOrDefault()
            : null;
}
