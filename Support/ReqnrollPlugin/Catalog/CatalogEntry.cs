namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>One sentence a feature may use: its group, keyword, expression, meaning and example.</summary>
public sealed record CatalogEntry(string Group, string Keyword, string Expression, string Meaning, string Example, string Binding)
{
    /// <summary>The keyword the example starts with: the entry's own, or the one chosen for a sentence that takes any.</summary>
    public string ExampleKeyword => Keyword == StepCatalog.AnyKeyword ? Example.Split('\n')[0].Trim().Split(' ')[0] : Keyword;

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
