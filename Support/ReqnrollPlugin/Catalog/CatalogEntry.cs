namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>
/// One sentence a feature may use: its group, the keyword it reads best after (any keyword
/// matches), expression, meaning, example, and whether it waits (see <see cref="StepCatalog.WaitsOf"/>).
/// </summary>
public sealed record CatalogEntry(string Group, string Keyword, string Expression, string Meaning, string Example, string Binding, string Waits = StepCatalog.NoWait)
{
    /// <summary>The first line of the example, without its keyword: the sentence the step must match.</summary>
    public string ExampleSentence
    {
        get
        {
            var line = Example.Split('\n')[0].Trim();
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? line : line[(space + 1)..];
        }
    }

    /// <summary>Whether the sentence takes the optional <c>within T</c> (its expression has <c>{within}</c>).</summary>
    public bool TakesWithin => Expression.Contains(StepCatalog.WithinPlaceholder, StringComparison.Ordinal);

    /// <summary>
    /// The expression as the catalog shows it: <c>{within}</c> and <c>{on-instance}</c>, which may stand for
    /// nothing, as <c> [within T]</c> and <c> [on instance "b"]</c>.
    /// </summary>
    public string Shown => Expression
        .Replace(StepCatalog.OnInstancePlaceholder, " " + StepCatalog.OnInstanceShown, StringComparison.Ordinal)
        .Replace(StepCatalog.WithinPlaceholder, " " + StepCatalog.WithinShown, StringComparison.Ordinal);
}
