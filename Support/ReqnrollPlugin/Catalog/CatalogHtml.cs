using System.Net;
using System.Text;

namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>The catalog as a page for the browser, written next to the report on every run.</summary>
public static class CatalogHtml
{
    public const string FileName = "step-catalog.html";

    public static string Render(StepCatalog catalog)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>BddWs step catalog</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
            h1 { margin-bottom: .2rem; } p.lead { color: #555; margin-top: 0; }
            input { width: 100%; padding: .5rem; font-size: 1rem; margin: 1rem 0; box-sizing: border-box; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
            th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
            th { background: #f4f4f4; } code, pre { font-family: ui-monospace, monospace; font-size: .9rem; }
            pre { margin: 0; white-space: pre-wrap; } td.step code { color: #0b5394; }
            td.missing { color: #a4262c; font-style: italic; }
            </style></head><body>
            <h1>Step catalog</h1>
            <p class="lead">Every sentence a feature may use, with its meaning and an example. Generated from the step bindings.</p>
            """);
        html.Append($"<p class=\"lead\">{Encode(StepCatalog.AnyKeywordWorks)}</p>");
        html.Append("""<input id="filter" type="search" placeholder="Filter sentences…" aria-label="Filter sentences">""");
        html.Append("<h2>Placeholders</h2><table><tr><th>Placeholder</th><th>What to write</th></tr>");
        html.Append($"<tr><td><code>{{string}}</code></td><td>{Encode(StepCatalog.QuotedTextMeaning)}</td></tr>");
        html.Append($"<tr><td><code>${{name}}</code></td><td>{Encode(StepCatalog.ValueReferenceMeaning)}</td></tr>");
        foreach (var type in catalog.ParameterTypes)
        {
            html.Append($"<tr><td><code>{Encode(type.Shown)}</code></td><td>{Encode(type.Meaning)}</td></tr>");
        }

        html.Append("</table>");
        html.Append($"<p>{Encode(StepCatalog.WaitsColumn)}</p>");
        html.Append("<h2>Words with one meaning</h2><table><tr><th>Words</th><th>Meaning</th></tr>");
        foreach (var (words, meaning) in StepCatalog.SharedWords)
        {
            html.Append($"<tr><td>{Encode(words)}</td><td>{Encode(meaning)}</td></tr>");
        }

        html.Append("</table>");
        foreach (var group in catalog.Groups)
        {
            html.Append($"<h2>{Encode(group.Key)}</h2><table class=\"steps\"><tr><th>Step</th><th>Meaning</th><th>Waits</th><th>Example</th></tr>");
            foreach (var entry in group)
            {
                html.Append($"<tr><td class=\"step\"><code>{Encode($"{entry.Keyword} {entry.Shown}")}</code></td>" +
                            $"{Meaning(entry)}<td>{Encode(entry.Waits)}</td>{Example(entry)}</tr>");
            }

            html.Append("</table>");
        }

        html.Append("""
            <script>
            document.getElementById('filter').addEventListener('input', e => {
              const words = e.target.value.toLowerCase().split(/\s+/).filter(w => w);
              document.querySelectorAll('table.steps tr').forEach((row, i) => {
                if (row.querySelector('th')) return;
                const text = row.textContent.toLowerCase();
                row.style.display = words.every(w => text.includes(w)) ? '' : 'none';
              });
            });
            </script>
            </body></html>
            """);
        return html.ToString();
    }

    // A sentence its team did not document says so, rather than leaving a blank the reader must puzzle over.
    private static string Meaning(CatalogEntry entry) => entry.Meaning.Trim().Length == 0
        ? "<td class=\"missing\">Not described yet: ask the team to describe this sentence (its &lt;summary&gt;).</td>"
        : $"<td>{Encode(entry.Meaning)}</td>";

    private static string Example(CatalogEntry entry) => entry.Example.Trim().Length == 0
        ? "<td class=\"missing\">No example yet: ask the team for one (an &lt;example&gt; of this sentence).</td>"
        : $"<td><pre>{Encode(entry.Example)}</pre></td>";

    // Backticks in the meanings stand for code, as in the Markdown version.
    private static string Encode(string text) =>
        System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlEncode(text), "`([^`]*)`", "<code>$1</code>");
}
