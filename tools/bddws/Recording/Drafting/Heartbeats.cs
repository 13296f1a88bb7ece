using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// Messages a connection receives again and again with the same shape, answering nothing: a
/// heartbeat, a ping. The draft leaves them out with one ignore rule instead of expecting each.
/// </summary>
internal static partial class Heartbeats
{
    /// <summary>The rule that leaves out a connection's heartbeats, if it had any: a <c>$.type</c> and its value, or a pattern (path null).</summary>
    public static (string? Path, string Value)? Of(IReadOnlyList<WebSocketFrame> received)
    {
        var json = received.Where(f => !f.Binary)
            .Select(f => (Frame: f, Json: DraftJson.TryParse(f.Payload) as JsonObject))
            .Where(m => m.Json?["type"] is JsonValue type && DraftJson.Text(type) is not null)
            .GroupBy(m => DraftJson.Text(m.Json!["type"])!);
        foreach (var group in json)
        {
            var messages = group.Select(m => m.Json!).ToList();
            var sameShape = messages.Select(Shape).Distinct().Count() == 1;
            var answersNothing = messages.All(m => !m.ContainsKey("requestId") && !m.ContainsKey("id") && !m.ContainsKey("correlationId"));
            var onlyClockValues = messages.All(m => m.Where(p => p.Key != "type").All(p => p.Value is JsonValue v && GeneratedValues.Looks(v, p.Key)));
            if (sameShape && answersNothing && messages.Count >= 2 && (Named().IsMatch(group.Key) || messages.Count >= 3 && onlyClockValues))
            {
                return ("$.type", group.Key);
            }
        }

        var texts = received.Where(f => !f.Binary && DraftJson.TryParse(f.Payload) is null).GroupBy(f => f.Payload);
        foreach (var group in texts)
        {
            if (group.Count() >= 2 && Named().IsMatch(group.Key))
            {
                return (null, $"^{Regex.Escape(group.Key)}$");
            }
        }

        return null;
    }

    /// <summary>True when the rule leaves the frame out.</summary>
    public static bool Matches((string? Path, string Value) rule, WebSocketFrame frame) => rule.Path is null
        ? Regex.IsMatch(frame.Payload, rule.Value)
        : DraftJson.TryParse(frame.Payload) is JsonObject json && DraftJson.Text(json["type"]) == rule.Value;

    private static string Shape(JsonObject message) => string.Join(",", message.Select(p => p.Key).Order(StringComparer.Ordinal));

    [GeneratedRegex("^(heartbeat|heart-beat|ping|pong|keep-?alive|hb|beat)$", RegexOptions.IgnoreCase)]
    private static partial Regex Named();
}
