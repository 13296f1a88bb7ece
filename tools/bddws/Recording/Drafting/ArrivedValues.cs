using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// What arrived, made into expectations that hold next time: a value that looks generated, or
/// that differed between two recordings, becomes the placeholder of its kind. A value the client
/// itself sent before (a request id it chose, echoed back) is not the service's to make up: it stays.
/// </summary>
internal static class ArrivedValues
{
    public static void Apply(IReadOnlyList<DraftItem> items, IReadOnlySet<JsonNode> varying)
    {
        var sentBefore = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            // An HTTP call's request goes before its answer.
            sentBefore.UnionWith(item.Sent.SelectMany(DraftJson.Leaves).Select(DraftJson.Text).OfType<string>());
            foreach (var leaf in item.Arrived.SelectMany(DraftJson.Leaves).ToList())
            {
                if (DraftJson.Text(leaf) is { } text && (text.Contains(GherkinText.Open) || text.StartsWith("(remember ", StringComparison.Ordinal)
                    || !varying.Contains(leaf) && sentBefore.Contains(text)))
                {
                    continue;
                }

                if (varying.Contains(leaf) || GeneratedValues.Looks(leaf, DraftJson.FieldName(leaf)))
                {
                    DraftJson.Replace(leaf, GeneratedValues.Placeholder(leaf));
                }
            }
        }
    }
}
