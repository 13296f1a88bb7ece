using System.Text.Json.Nodes;
using BddWs.Driver.Json;

namespace BddWs.Driver.Http;

/// <summary>What the server answered to a request: status, headers (content headers included) and body as text.</summary>
public sealed record HttpReply(int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    private readonly Lazy<(bool IsJson, JsonNode? Document)> _json = new(() =>
        JsonExpectation.TryParse(Body, out var document) ? (true, document) : (false, null));

    /// <summary><c>201 Created</c>; the status alone when the server gave no reason phrase.</summary>
    public string StatusLine => Reason.Length == 0 ? $"{Status}" : $"{Status} {Reason}";

    /// <summary>The media type of the body (<c>application/json</c>), without its parameters; null when not given.</summary>
    public string? MediaType => Header("Content-Type")?.Split(';')[0].Trim();

    /// <summary>The values of a header (any case), joined by ", " as HTTP allows; null when the answer has none.</summary>
    public string? Header(string name)
    {
        var values = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(", ", values);
    }

    /// <summary>The header names, each once, in alphabetical order: what a failure lists when one is missing.</summary>
    public string HeaderNames => Headers.Count == 0
        ? "none"
        : string.Join(", ", Headers.Select(h => h.Key).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase));

    /// <summary>The body as JSON, read once; false when it is not JSON (an empty body is not).</summary>
    public bool TryJson(out JsonNode? document)
    {
        document = _json.Value.Document;
        return _json.Value.IsJson;
    }
}
