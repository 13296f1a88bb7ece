using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BddWs.Driver.Values;

/// <summary>
/// The values a scenario remembers (an id from a reply, a token from a login) and gives back as
/// <c>${name}</c> in later steps. A name the scenario has not remembered is read from the
/// environment; one that is neither stops the step, naming what there is. Secret values, the
/// scenario's and the environment's alike, are masked (<see cref="Mask"/>) wherever the suite shows text. Scenario-scoped, by Reqnroll's
/// context injection.
/// </summary>
public sealed partial class ScenarioValues
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, Remembered> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _secretNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);

    // Every written form of every secret, longest first, so a secret that contains another is
    // masked whole. Worked out when a secret is kept, not for each of the many lines masked.
    private string[] _maskedForms = [];

    /// <summary>The names remembered so far, in the order they were first remembered.</summary>
    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>
    /// Keeps <paramref name="value"/> as <c>${name}</c>. It is secret when <paramref name="secret"/>
    /// says so, when its name or source looks like a credential (<see cref="SecretNames"/>), or when
    /// the scenario marked the name secret.
    /// </summary>
    public void Remember(string name, string value, bool secret = false)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"\"{name}\" cannot be the name of a remembered value: use letters, digits and _ (starting with a letter or _), as in \"orderId\".");
        }

        secret |= SecretNames.Looks(name) || _secretNames.Contains(name);
        _values[name] = new Remembered(value, secret);
        if (secret)
        {
            KeepSecret(value);
        }
    }

    /// <summary>
    /// The name is secret: its value is masked wherever shown, whether the scenario remembered it
    /// before or remembers it later, or it comes from the environment variable of that name (masked
    /// from now on, even where no step writes <c>${name}</c>: a service may echo it). A name that is
    /// none of these by the scenario's end is most likely misspelt: <see cref="SecretsNeverFound"/>.
    /// </summary>
    public void MarkSecret(string name)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"\"{name}\" cannot be the name of a secret value: use letters, digits and _ (starting with a letter or _), as in \"sessionKey\".");
        }

        _secretNames.Add(name);
        if (_values.TryGetValue(name, out var remembered))
        {
            _values[name] = remembered with { Secret = true };
            KeepSecret(remembered.Value);
        }

        if (Environment.GetEnvironmentVariable(name) is { } environment)
        {
            KeepSecret(environment);
        }
    }

    /// <summary>
    /// Why a name marked secret stands for nothing: the scenario never remembered it and no
    /// environment variable is called so (a misspelt name would otherwise pass, masking nothing);
    /// null when every name marked secret has a value. Asked once the scenario's steps have run,
    /// since a secret is best marked before the step that remembers it.
    /// </summary>
    public string? SecretsNeverFound()
    {
        var missing = _secretNames.Where(n => !_values.ContainsKey(n) && Environment.GetEnvironmentVariable(n) is null).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", missing.Select(n => $"${{{n}}}"));
        var variables = string.Join(" or ", missing);
        return $"{names} {(missing.Count == 1 ? "was" : "were")} marked secret, but {Known()}, and no environment variable is called {variables}.";
    }

    public bool TryGet(string name, out string value)
    {
        var found = _values.TryGetValue(name, out var remembered);
        value = remembered?.Value ?? "";
        return found;
    }

    /// <summary>
    /// <paramref name="text"/> with each <c>${name}</c> replaced by the scenario's value, or else
    /// the environment variable of that name; each replacement is added to <paramref name="used"/>.
    /// <c>$${name}</c> stands for the text <c>${name}</c>.
    /// A name that is neither throws, naming the values the scenario has.
    /// </summary>
    public string Expand(string text, ICollection<Substitution>? used = null)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        return Reference().Replace(text, match =>
        {
            if (match.Groups["escape"].Success)
            {
                return match.Value[1..];
            }

            var name = match.Groups["name"].Value;
            var substitution = Lookup(name);
            used?.Add(substitution);
            return substitution.Value;
        });
    }

    /// <summary><paramref name="text"/> with every secret value, as written or as escaped in JSON, shown as <c>***</c>.</summary>
    public string Mask(string text)
    {
        foreach (var form in _maskedForms)
        {
            text = text.Replace(form, Secrets.Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A secret as written, and as JSON writers escape it (<c>\"</c> or <c>\u0022</c> for a quote).</summary>
    private static IEnumerable<string> Forms(string secret) =>
    [
        secret,
        JsonSerializer.Serialize(secret)[1..^1],
        JsonSerializer.Serialize(secret, RelaxedJson)[1..^1],
    ];

    private Substitution Lookup(string name)
    {
        if (_values.TryGetValue(name, out var remembered))
        {
            return new Substitution(name, remembered.Value, remembered.Secret, FromEnvironment: false);
        }

        if (Environment.GetEnvironmentVariable(name) is { } environment)
        {
            var secret = SecretNames.Looks(name) || _secretNames.Contains(name);
            if (secret)
            {
                KeepSecret(environment);
            }

            return new Substitution(name, environment, secret, FromEnvironment: true);
        }

        throw new UnknownValueException($"There is no value named ${{{name}}}: {Known()}, and no environment variable is called {name}.");
    }

    private string Known() => _values.Count == 0
        ? "this scenario has remembered no values yet"
        : $"this scenario has remembered {string.Join(", ", _values.Keys.Select(k => $"${{{k}}}"))}";

    private void KeepSecret(string value)
    {
        if (value.Length > 0 && _secrets.Add(value))
        {
            _maskedForms = [.. _secrets.SelectMany(Forms).Distinct().OrderByDescending(s => s.Length)];
        }
    }

    private sealed record Remembered(string Value, bool Secret);

    // $${name} is the text ${name} itself, for a message that must carry it as written.
    [GeneratedRegex(@"(?<escape>\$)?\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ValidName();
}
