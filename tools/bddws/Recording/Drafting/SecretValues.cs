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

    private static readonly string[] QueryNames = ["key", "auth", "sig", "signature", "code"];

    /// <summary>True for a header or a field whose value is a secret.</summary>
    public static bool IsSecretName(string name) => SecretNames.Looks(name);

    /// <summary>True for a query parameter whose value is a secret: also <c>key</c>, <c>sig</c>, <c>code</c>.</summary>
    public static bool IsSecretQuery(string name) => IsSecretName(name) || QueryNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True for a value under a secret's name that is one: not <c>Bearer</c> under <c>token_type</c>, nor a
    /// short word; a secret is long, or has a digit or a sign in it.
    /// </summary>
    public static bool IsSecretValue(string value) => value.Length >= 8 || value.Length >= 4 && !value.All(char.IsLetter);

    /// <summary>Keeps a secret value, so it is never written, whatever becomes of it.</summary>
    public void Arrived(string value)
    {
        if (IsSecretValue(value))
        {
            _all.Add(value);
        }
    }

    /// <summary>The environment variable that stands for a secret sent, named after where it was sent (<c>LOGIN_PASSWORD</c>).</summary>
    public string VariableFor(string value, string where, string name)
    {
        // A short word (a password "secret") is replaced where it was sent, but not hunted in every text: the draft says "is secret".
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

    /// <summary>
    /// Texts of a JSON tree under secret names, with the names: every one that was <paramref name="sent"/>
    /// (the app sent it as a credential), and those that arrived when they look like secrets.
    /// </summary>
    public static IEnumerable<(JsonValue Leaf, string Name)> SecretLeaves(JsonNode node, bool sent) =>
        DraftJson.Leaves(node)
            .Select(leaf => (Leaf: leaf, Name: SecretName(leaf)))
            .Where(pair => pair.Name is not null && DraftJson.Text(pair.Leaf) is { } text && (sent || IsSecretValue(text)))
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
