using BddWs.Driver.Json;

namespace BddWs.Driver.Http;

/// <summary>The body of a request a step sends: its text and the media type it is sent as.</summary>
public sealed record HttpBody(string Text, string MediaType)
{
    /// <summary>JSON as written in the feature, checked first (invalid JSON throws, saying where) and sent compact.</summary>
    public static HttpBody Json(string json) => new(JsonBuilder.Compact(json), "application/json");

    /// <summary>Text sent as it is, as <c>text/plain</c>.</summary>
    public static HttpBody Plain(string text) => new(text, "text/plain");
}
