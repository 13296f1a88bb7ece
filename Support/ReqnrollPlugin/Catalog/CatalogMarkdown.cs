using System.Text;

namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>The catalog as Markdown, kept in the repository as <c>docs/step-catalog.md</c>.</summary>
public static class CatalogMarkdown
{
    public const string RepositoryPath = "docs/step-catalog.md";

    public static string Render(StepCatalog catalog)
    {
        var md = new StringBuilder();
        md.AppendLine("# Step catalog").AppendLine();
        md.AppendLine(StepCatalog.AnyKeywordWorks).AppendLine();
        md.AppendLine("Every sentence a feature may use, generated from the step bindings (do not edit by hand:");
        md.AppendLine("`dotnet test` checks it and rewrites it when a binding changed). In the expressions, `{int}` is");
        md.AppendLine("a whole number, `(s)` an optional letter, `am/is` either word, and these stand for values:").AppendLine();
        md.AppendLine("| Placeholder | What to write |").AppendLine("| --- | --- |");
        md.AppendLine($"| `{{string}}` | {Cell(StepCatalog.QuotedTextMeaning)} |");
        md.AppendLine($"| `${{name}}` | {Cell(StepCatalog.ValueReferenceMeaning)} |");
        foreach (var type in catalog.ParameterTypes)
        {
            md.AppendLine($"| `{type.Shown}` | {Cell(type.Meaning)} |");
        }

        md.AppendLine().AppendLine(StepCatalog.WaitsColumn);
        md.AppendLine().AppendLine("These words mean one thing in every sentence that says them:").AppendLine();
        md.AppendLine("| Words | Meaning |").AppendLine("| --- | --- |");
        foreach (var (words, meaning) in StepCatalog.SharedWords)
        {
            md.AppendLine($"| {Cell(words)} | {Cell(meaning)} |");
        }

        foreach (var group in catalog.Groups)
        {
            md.AppendLine().AppendLine($"## {group.Key}").AppendLine();
            md.AppendLine("| Step | Meaning | Waits | Example |").AppendLine("| --- | --- | --- | --- |");
            foreach (var entry in group)
            {
                md.AppendLine($"| `{entry.Keyword} {entry.Shown}` | {Cell(entry.Meaning)} | {Cell(entry.Waits)} | {Example(entry.Example)} |");
            }
        }

        return md.ToString().Replace("\r\n", "\n");
    }

    private static string Cell(string text) => text.Replace("\n", " ").Replace("|", "\\|");

    private static string Example(string example) =>
        string.Join("<br>", example.Split('\n').Select(line => $"`{line.Replace("|", "\\|")}`"));
}
