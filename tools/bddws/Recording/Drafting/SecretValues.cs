using System.Text;
using System.Text.Json.Nodes;
using BddWs.Driver.Values;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// The secrets of a session (passwords, tokens, <c>Authorization</c>, cookies, API keys) and the
/// environment variables the draft reads them from instead: a secret's value is never written.
/// Which names are secret is the driver's own rule, so the draft hides what the report masks.
/// </summary>
internal sealed class SecretValues
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _all = new(StringComparer.Ordinal);

    /// <summary>Every secret value met, sent or received, to check that none is written.</summary>
    public IReadOnlyCollection<string> All => _all;

    /// <summary>True for a header, field or query parameter whose value is a secret.</summary>
    public static bool IsSecretName(string name) =>
        SecretNames.Looks(name) || name.Equals("key", StringComparison.OrdinalIgnoreCase) || name.Equals("auth", StringComparison.OrdinalIgnoreCase);

    /// <summary>Keeps a secret value that arrived, so it is never written, whatever becomes of it.</summary>
    public void Arrived(string value)
    {
        if (value.Length >= 4)
        {
            _all.Add(value);
        }
    }

    /// <summary>The environment variable that stands for a secret sent, named after where it was sent (<c>LOGIN_PASSWORD</c>).</summary>
    public string VariableFor(string value, string where, string name)
    {
        Arrived(value);
        if (_variables.TryGetValue(value, out var known))
        {
            return known;
        }

        var variable = Upper(string.IsNullOrEmpty(where) ? name : $"{where}_{name}");
        var unique = variable;
        for (var n = 2; _variables.ContainsValue(unique); n++)
        {
            unique = $"{variable}_{n}";
        }

        _variables[value] = unique;
        return unique;
    }

    /// <summary>The last word of a path, as a secret's variable begins: <c>login</c> for <c>/api/login</c>.</summary>
    public static string PlaceOf(string path)
    {
        var segments = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.LastOrDefault(s => s.Any(char.IsLetter) && !s.Equals("api", StringComparison.OrdinalIgnoreCase)) ?? "";
    }

    /// <summary><c>API_KEY</c> for <c>apiKey</c>, <c>LOGIN_PASSWORD</c> for <c>login_password</c>.</summary>
    public static string Upper(string name)
    {
        var result = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (result.Length > 0 && result[^1] != '_')
                {
                    result.Append('_');
                }

                continue;
            }

            if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]) && result.Length > 0 && result[^1] != '_')
            {
                result.Append('_');
            }

            result.Append(char.ToUpperInvariant(c));
        }

        return result.ToString().Trim('_');
    }

    /// <summary>Texts of a JSON tree under secret names, with the names.</summary>
    public static IEnumerable<(JsonValue Leaf, string Name)> SecretLeaves(JsonNode node) =>
        DraftJson.Leaves(node)
            .Select(leaf => (Leaf: leaf, Name: SecretName(leaf)))
            .Where(pair => pair.Name is not null)
            .Select(pair => (pair.Leaf, pair.Name!));

    // The nearest field name above the value: a token in an array of tokens is a secret too.
    private static string? SecretName(JsonNode leaf)
    {
        for (JsonNode? node = leaf; node?.Parent is not null; node = node.Parent)
        {
            if (DraftJson.FieldName(node) is { } field)
            {
                return IsSecretName(field) ? field : null;
            }
        }

        return null;
    }
}
