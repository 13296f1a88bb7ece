using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// Values that arrived and were later sent back (in a path, a header, a body, a message): remembered
/// where they first arrived, <c>(remember x)</c> or a remember sentence, and written <c>${x}</c>
/// wherever they are used or arrive again, so the draft carries the next run's value, not this one's.
/// </summary>
internal static class ValueFlow
{
    private const int ShortestValue = 4;

    public static void Apply(IReadOnlyList<DraftItem> items, IReadOnlySet<JsonNode> varying)
    {
        // A value that looks made up is found inside what is sent (a path, a header); any other only as a whole value sent.
        // A value the client itself sent before it arrived (a room it named, echoed back) is the client's, written as it is.
        var arrivals = new List<(int Index, DraftItem Item, JsonValue Leaf, string Value, bool MadeUp)>();
        var clientsOwn = new HashSet<string>(StringComparer.Ordinal);
        var arrived = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            clientsOwn.UnionWith(items[i].Sent.SelectMany(DraftJson.Leaves).Select(DraftJson.Text).OfType<string>().Where(text => !arrived.Contains(text)));
            var news = items[i].Arrived.SelectMany(DraftJson.Leaves)
                .Where(leaf => IsText(leaf) && !clientsOwn.Contains(DraftJson.Text(leaf)!))
                .Select(leaf => (Index: i, Item: items[i], Leaf: leaf, Value: DraftJson.Text(leaf)!, MadeUp: IsMadeUp(leaf, varying)))
                .ToList();
            arrivals.AddRange(news);
            arrived.UnionWith(news.Select(a => a.Value));
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var remembered = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var index = i;

            // Only values already remembered, or that arrived before and can be remembered where they arrived.
            var known = arrivals.Where(a => a.Index < index && a.Item.CanRemember)
                .GroupBy(a => a.Value, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(a => a.Item.IsAside(a.Leaf))
                .ThenByDescending(a => a.Value.Length)
                .ToList();
            if (known.Count == 0)
            {
                continue;
            }

            string Map(string text, bool whole)
            {
                foreach (var arrival in known)
                {
                    if (arrival.MadeUp ? text.Contains(arrival.Value, StringComparison.Ordinal) : whole && text == arrival.Value)
                    {
                        if (!names.TryGetValue(arrival.Value, out var name))
                        {
                            name = NameFor(arrival.Item, arrival.Leaf, taken);
                            names[arrival.Value] = name;
                            remembered[arrival.Value] = arrival.Index;
                            arrival.Item.Remember(arrival.Leaf, name);
                        }

                        text = text.Replace(arrival.Value, GherkinText.Reference(name), StringComparison.Ordinal);
                    }
                }

                return text;
            }

            items[i].MapSentTexts(text => Map(text, whole: false));
            foreach (var leaf in items[i].Sent.SelectMany(DraftJson.Leaves).ToList())
            {
                if (DraftJson.Text(leaf) is { } text && Map(text, whole: true) is var mapped && mapped != text)
                {
                    DraftJson.Replace(leaf, mapped);
                }
            }
        }

        // Where a remembered value arrives again, it must be the same value.
        foreach (var (index, _, leaf, value, _) in arrivals)
        {
            if (names.TryGetValue(value, out var name) && index > remembered[value] && leaf.Parent is not null)
            {
                DraftJson.Replace(leaf, GherkinText.Reference(name));
            }
        }
    }

    private static bool IsText(JsonValue leaf) =>
        DraftJson.Text(leaf) is { Length: >= ShortestValue } text && !text.StartsWith('(') && !text.Contains(GherkinText.Open);

    private static bool IsMadeUp(JsonValue leaf, IReadOnlySet<JsonNode> varying)
    {
        var field = DraftJson.FieldName(leaf);
        return varying.Contains(leaf) || GeneratedValues.Looks(leaf, field) || field is not null && SecretValues.IsSecretName(field);
    }

    /// <summary><c>token</c>, <c>orderId</c> (an <c>id</c> in an <c>order</c>, or in the answer to <c>/api/orders</c>).</summary>
    private static string NameFor(DraftItem item, JsonValue leaf, HashSet<string> taken)
    {
        var field = DraftJson.FieldName(leaf) ?? "value";
        var name = field;
        if (field.Equals("id", StringComparison.OrdinalIgnoreCase))
        {
            var owner = leaf.Parent?.Parent is JsonObject && leaf.Parent.GetPropertyName() is { } parent ? parent
                : item is HttpItem http ? Singular(SecretValues.PlaceOf(http.Path)) : null;
            name = owner is { Length: > 0 } ? $"{char.ToLowerInvariant(owner[0])}{owner[1..]}Id" : "id";
        }

        name = Camel(name);

        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{name}{n}";
        }

        return unique;
    }

    /// <summary><c>authToken</c> for <c>X-Auth-Token</c>, <c>orderId</c> for <c>order_id</c>: a name that reads well in <c>${…}</c>.</summary>
    private static string Camel(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Split(name, "[^A-Za-z0-9]+").Where(w => w.Length > 0).ToList();
        if (words.Count > 1 && words[0].Equals("x", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        if (words.Count == 0)
        {
            return "value";
        }

        return words[0].Length > 0 && words.Count == 1 ? char.ToLowerInvariant(words[0][0]) + words[0][1..]
            : string.Concat(words.Select((w, i) => i == 0 ? w.ToLowerInvariant() : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
    }

    private static string Singular(string word) => word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;
}
