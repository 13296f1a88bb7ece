using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace BddWs.Driver.Json;

/// <summary>
/// Each received message read as JSON once: an expectation is judged again at every new message,
/// and reading a thousand messages a thousand times would cost more than the wait itself.
/// Nothing here changes a document, so sharing one is safe.
/// </summary>
public static class ParsedMessages
{
    private static readonly ConditionalWeakTable<WebSocketMessage, Parsed> Cache = new();

    /// <summary>The message as JSON; false when it is binary or not JSON.</summary>
    public static bool TryGet(WebSocketMessage message, out JsonNode? document)
    {
        var parsed = Cache.GetValue(message, m => m.IsText && JsonExpectation.TryParse(m.Text, out var node) ? new Parsed(true, node) : new Parsed(false, null));
        document = parsed.Document;
        return parsed.IsJson;
    }

    private sealed record Parsed(bool IsJson, JsonNode? Document);
}
