namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>
/// One sentence a feature may use: its group, the keyword it reads best after (any keyword
/// matches), expression, meaning and example.
/// </summary>
public sealed record CatalogEntry(string Group, string Keyword, string Expression, string Meaning, string Example, string Binding)
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
}
