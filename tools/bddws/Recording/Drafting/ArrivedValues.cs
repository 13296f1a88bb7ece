using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// What arrived, made into expectations that hold next time: a value that looks generated, or
/// that differed between two recordings, becomes the placeholder of its kind.
/// </summary>
internal static class ArrivedValues
{
    public static void Apply(IReadOnlyList<DraftItem> items, IReadOnlySet<JsonNode> varying)
    {
        foreach (var leaf in items.SelectMany(i => i.Arrived).SelectMany(DraftJson.Leaves).ToList())
        {
            if (DraftJson.Text(leaf) is { } text && (text.Contains(GherkinText.Open) || text.StartsWith("(remember ", StringComparison.Ordinal)))
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
