using System.Text;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// Writes the draft: a header saying where it came from and what to set, one scenario, its steps
/// with <c>And</c> where a keyword repeats, secrets marked with a comment above the step that needs them.
/// </summary>
internal static class GherkinWriter
{
    public static string Write(DraftOptions options, string source, IReadOnlyList<DraftItem> items)
    {
        var environment = items.SelectMany(i => i.Environment).Distinct(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("# Drafted from ").Append(source).Append(": a draft to read and tidy before it is kept.\n");
        text.Append(environment.Count == 0
            ? "# It needs no environment variables.\n"
            : $"# Set {Join(environment)} in the environment before it runs: the recording's secrets are not kept.\n");
        text.Append("Feature: ").Append(options.FeatureName).Append("\n\n");
        text.Append("  Scenario: ").Append(options.ScenarioName).Append('\n');
        StepKind? previous = null;
        var marked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var secrets = item.Environment.Where(marked.Add)
                .Select(v => new DraftStep(StepKind.Given, $"the remembered value {GherkinText.Quote(v)} is secret")
                {
                    Comments = [$"Set {v} in the environment: the recording's value is not kept."],
                });
            foreach (var step in secrets.Concat(item.Steps()))
            {
                foreach (var comment in step.Comments)
                {
                    text.Append("    # ").Append(comment).Append('\n');
                }

                text.Append("    ").Append(step.Kind == previous ? "And" : step.Kind.ToString()).Append(' ').Append(step.Text).Append('\n');
                previous = step.Kind;
                if (step.DocString is { } doc)
                {
                    AppendDocString(text, GherkinText.Written(doc));
                }
            }
        }

        return text.ToString();
    }

    private static void AppendDocString(StringBuilder text, string doc)
    {
        var fence = doc.Contains("\"\"\"", StringComparison.Ordinal) ? "```" : "\"\"\"";
        text.Append("      ").Append(fence).Append('\n');
        foreach (var line in doc.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append(line.Length == 0 ? "" : "      " + line).Append('\n');
        }

        text.Append("      ").Append(fence).Append('\n');
    }

    private static string Join(IReadOnlyList<string> names) => names.Count == 1
        ? names[0]
        : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
}
