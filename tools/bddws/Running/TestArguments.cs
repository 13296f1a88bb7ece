namespace BddWs.Cli.Running;

/// <summary>The test executable's arguments: each tag as xUnit's <c>-trait Category=…</c> (any of them), then the rest as given.</summary>
public static class TestArguments
{
    public static IReadOnlyList<string> For(IEnumerable<string> tags, IEnumerable<string> passedOn) =>
        tags.Select(t => t.Trim().TrimStart('@'))
            .Where(t => t.Length > 0)
            .SelectMany(t => new[] { "-trait", "Category=" + t })
            .Concat(passedOn)
            .ToList();
}
