using System.Text.RegularExpressions;

namespace BddWs.Cli.Merging;

/// <summary>
/// The step definitions, hooks and parameter types of a merged run, each once. Every shard ran the same
/// bindings but gave them ids of its own: a definition seen in an earlier shard is left out, and the
/// later shard's test cases and run hooks are pointed at the earlier one's id. Kept every time, each
/// page of the report would carry every shard's copy of them (for 4 shards, near three times the size).
/// </summary>
public sealed partial class RunDefinitions
{
    private readonly Dictionary<string, string> _idOf = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="line"/> (a definition of kind <paramref name="kind"/>) is one not seen yet;
    /// if it was, its id is added to <paramref name="aliases"/> as the earlier one's.
    /// </summary>
    public bool IsNew(string kind, string line, Dictionary<string, string> aliases)
    {
        var id = Id().Match(line);
        if (!id.Success)
        {
            return true;
        }

        // The definition without its id: what it is, whichever shard named it.
        var key = kind + Id().Replace(line, "", 1);
        if (_idOf.TryAdd(key, id.Groups[1].Value))
        {
            return true;
        }

        aliases[id.Groups[1].Value] = _idOf[key];
        return false;
    }

    /// <summary>The line with every id named in <paramref name="aliases"/> replaced by the one it stands for.</summary>
    public static string Aliased(string line, Dictionary<string, string> aliases) =>
        aliases.Count == 0 ? line : QuotedToken().Replace(line, m => aliases.TryGetValue(m.Groups[1].Value, out var id) ? $"\"{id}\"" : m.Value);

    [GeneratedRegex("\"id\":\"([^\"]*)\"")]
    private static partial Regex Id();

    [GeneratedRegex("\"([A-Za-z0-9_-]+)\"")]
    private static partial Regex QuotedToken();
}
