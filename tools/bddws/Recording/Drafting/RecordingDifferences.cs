using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// Values that differ between recordings of the same session: what arrived at the same moment
/// (the same kind of moment on the same connection, in order) with another value was generated.
/// </summary>
internal static class RecordingDifferences
{
    public static IReadOnlySet<JsonNode> Varying(DraftSession first, IEnumerable<DraftSession> others)
    {
        var varying = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
        foreach (var other in others)
        {
            var next = 0;
            foreach (var item in first.Items)
            {
                var match = other.Items.Skip(next).Select((candidate, offset) => (candidate, offset)).FirstOrDefault(c => Same(item, c.candidate));
                if (match.candidate is null)
                {
                    continue;
                }

                next += match.offset + 1;
                foreach (var (mine, theirs) in item.Arrived.Zip(match.candidate.Arrived))
                {
                    Compare(mine, theirs, varying);
                }
            }
        }

        return varying;
    }

    private static bool Same(DraftItem mine, DraftItem theirs) =>
        mine.GetType() == theirs.GetType()
        && mine.Connection?.Order == theirs.Connection?.Order
        && (mine is not HttpItem http || theirs is HttpItem other && http.Method == other.Method && http.IsLogin == other.IsLogin)
        && (mine is not MessageItem message || theirs is MessageItem otherMessage && message.FromClient == otherMessage.FromClient
            && DraftJson.Text(message.Json?["type"]) == DraftJson.Text(otherMessage.Json?["type"]));

    private static void Compare(JsonNode? mine, JsonNode? theirs, HashSet<JsonNode> varying)
    {
        switch (mine)
        {
            case JsonObject obj when theirs is JsonObject other:
                foreach (var (key, value) in obj)
                {
                    if (other.TryGetPropertyValue(key, out var counterpart))
                    {
                        Compare(value, counterpart, varying);
                    }
                }

                break;
            case JsonArray array when theirs is JsonArray other:
                for (var i = 0; i < Math.Min(array.Count, other.Count); i++)
                {
                    Compare(array[i], other[i], varying);
                }

                break;
            case JsonValue value when theirs is null || value.ToJsonString() != theirs.ToJsonString():
                varying.Add(value);
                break;
        }
    }
}
