namespace BddWs.Driver.Values;

/// <summary>
/// Whether a name (a remembered value's, a JSON field's, a header's or an environment variable's)
/// stands for a credential, whose value must never be shown: <c>token</c>, <c>accessToken</c>,
/// <c>password</c>, <c>Authorization</c>, <c>Set-Cookie</c>, <c>API_KEY</c>, and the names in
/// <see cref="Secrets.Names"/>.
/// </summary>
public static class SecretNames
{
    private static readonly string[] Parts = ["token", "password", "passwd", "secret", "authorization", "cookie", "apikey", "api_key", "api-key", "credential"];

    public static bool Looks(string name)
    {
        var last = name.Split('.', '/', '[').Last().Trim(']', '\'', '"');
        return Secrets.Names.Contains(last) || Parts.Any(p => last.Contains(p, StringComparison.OrdinalIgnoreCase));
    }
}
