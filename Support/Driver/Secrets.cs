using System.Text.RegularExpressions;

namespace BddWs.Driver;

/// <summary>
/// Keeps credentials out of messages and the report: values of sensitive headers and query
/// parameters are shown as <c>***</c>. The names are the usual ones plus any listed,
/// comma-separated, in <c>BDDWS_SECRET_NAMES</c>. Features can also keep secrets out of their
/// own text by writing <c>${VARIABLE}</c>, read from the environment when the step runs.
/// </summary>
public static partial class Secrets
{
    public const string NamesVariable = "BDDWS_SECRET_NAMES";
    public const string Mask = "***";

    private static readonly string[] Usual =
    [
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key",
        "access_token", "token", "api_key", "apikey", "key", "password", "secret", "signature", "sig",
    ];

    /// <summary>Header and query parameter names whose values are never shown (any case).</summary>
    public static IReadOnlySet<string> Names { get; } = Usual
        .Concat((Environment.GetEnvironmentVariable(NamesVariable) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The URL as it may be shown: secret query values and any user:password part masked.</summary>
    public static string Url(Uri url)
    {
        var masked = MaskQuery(url.Query);
        if (masked == url.Query && url.UserInfo.Length == 0)
        {
            return url.ToString();
        }

        var builder = new UriBuilder(url) { Query = masked.TrimStart('?') };
        if (url.UserInfo.Length > 0)
        {
            builder.UserName = Mask;
            builder.Password = "";
        }

        return Uri.UnescapeDataString(builder.Uri.ToString());
    }

    public static string Header(string name, string value) => Names.Contains(name) ? Mask : value;

    /// <summary>Replaces each <c>${NAME}</c> with that environment variable; a missing one throws, naming it.</summary>
    public static string Expand(string text) => Variable().Replace(text, match =>
        Environment.GetEnvironmentVariable(match.Groups[1].Value)
        ?? throw new InvalidOperationException($"The environment variable {match.Groups[1].Value}, used as ${{{match.Groups[1].Value}}} in a step, is not set."));

    private static string MaskQuery(string query) => QueryPair().Replace(query, match =>
        Names.Contains(Uri.UnescapeDataString(match.Groups["name"].Value)) ? $"{match.Groups["name"].Value}={Mask}" : match.Value);

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?<name>[^?&=]+)=(?<value>[^&]*)")]
    private static partial Regex QueryPair();
}
