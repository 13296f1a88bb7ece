namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// Which recorded request headers the draft sends again: credentials and the service's own
/// (<c>X-…</c>, API keys). The ones a client or browser adds by itself, and those the sentences set,
/// are left out.
/// </summary>
internal static class SentHeaders
{
    private static readonly string[] Left = ["x-requested-with", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-real-ip"];

    public static IEnumerable<(string Name, string Value)> Of(IEnumerable<RecordedHeader> headers) =>
        headers.Where(h => Kept(h.Name)).Select(h => (h.Name, h.Value));

    private static bool Kept(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.StartsWith(':') || Left.Contains(lower))
        {
            return false;
        }

        return lower is "authorization" or "cookie" || lower.StartsWith("x-", StringComparison.Ordinal) || SecretValues.IsSecretName(lower);
    }
}
