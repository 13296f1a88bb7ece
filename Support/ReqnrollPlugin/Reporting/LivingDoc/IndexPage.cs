using System.Globalization;
using System.Net;
using System.Text;
using Io.Cucumber.Messages.Types;

namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// The living documentation's first page: the run's pass count and counts per status, the
/// scenarios that did not pass (first, with the step and message that decided each), then every
/// feature with its result and its page (or pages, for a long one), failing features first, each
/// group in the order of the files. Plain HTML, so it opens at once
/// however long the run.
/// </summary>
public static class IndexPage
{
    /// <summary>More would make the first page slow to read and to open; every failing feature is marked below the list anyway.</summary>
    public const int ProblemsListed = 200;

    private const int MessageLength = 1000;

    private const string Style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em 1.5em;color:#222}
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin:1.4em 0 .5em}
        .total{font-size:1.15em}.total strong{margin-right:.6em}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35em .6em;border-bottom:1px solid #e5e5e5;vertical-align:top}
        .file{font-family:ui-monospace,monospace;font-size:.9em;color:#555}
        .status{display:inline-block;min-width:5.5em;font-weight:600}
        .passed{color:#1a7f37}.failed,.ambiguous{color:#cf222e}.undefined,.pending{color:#9a6700}.skipped,.unknown{color:#57606a}
        ul.problems{padding-left:1.2em}ul.problems li{margin-bottom:.7em}
        ul.problems pre{white-space:pre-wrap;margin:.2em 0 0;padding:.4em .6em;background:#fff5f5;border-left:3px solid #cf222e;font-size:.9em}
        .parts a{display:inline-block;margin:0 .8em .2em 0}
        .incomplete{margin:.8em 0;padding:.6em 1em;background:#fff8c5;border-left:4px solid #9a6700}.incomplete p{margin:.2em 0;font-weight:600}
        """;

    // incomplete: why the report lacks part of the run, one line each (a merged report whose shard is
    // missing or did not finish), shown first, above the counts, which would otherwise read as the whole run's.
    public static void Write(TextWriter html, LivingDocument document, string pagesFolder, IReadOnlyList<string>? incomplete = null)
    {
        var outcomes = document.Outcomes;
        var passed = outcomes.Count(o => o.Status == TestStepResultStatus.PASSED);
        html.Write($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Living documentation</title><style>\n{Style}</style></head><body>\n");
        html.Write("<h1>Living documentation</h1>\n");
        if (incomplete is { Count: > 0 })
        {
            html.Write($"<div class=\"incomplete\">{string.Concat(incomplete.Select(line => $"<p>{Encode(line)}</p>"))}</div>\n");
        }

        html.Write($"<p class=\"run\">{Encode(RunLine(document))}</p>\n");
        html.Write($"<p class=\"total\"><strong>({passed} / {outcomes.Count}) passed</strong>{Encode(StatusCounts(outcomes))}</p>\n");
        WriteRunHookFailures(html, document.RunHookFailures);
        WriteProblems(html, outcomes.Where(o => o.IsProblem).ToList(), pagesFolder);
        WriteFeatures(html, document, pagesFolder);
        html.Write("</body></html>\n");
    }

    /// <summary>
    /// A run whose start failed ran no scenario: the reader learns why first, and not the ends
    /// that failed only because nothing had started (stopping a server that never ran).
    /// </summary>
    private static void WriteRunHookFailures(TextWriter html, IReadOnlyList<RunHookFailure> failures)
    {
        var shown = failures.Any(f => f.BeforeTheRun) ? failures.Where(f => f.BeforeTheRun).ToList() : failures.ToList();
        if (shown.Count == 0)
        {
            return;
        }

        html.Write(shown[0].BeforeTheRun ? "<h2>The run could not start</h2>\n" : "<h2>The run failed after its scenarios</h2>\n");
        html.Write("<ul class=\"problems\">\n");
        foreach (var failure in shown)
        {
            html.Write($"<li><b>{Encode(failure.Name)}</b> <span class=\"failed\">failed</span>");
            if (failure.Message is { } message)
            {
                html.Write($"<pre>{Encode(message.Length > MessageLength ? message[..MessageLength] + " …" : message)}</pre>");
            }

            html.Write("</li>\n");
        }

        html.Write("</ul>\n");
    }

    private static void WriteProblems(TextWriter html, List<ScenarioOutcome> problems, string pagesFolder)
    {
        if (problems.Count == 0)
        {
            return;
        }

        html.Write($"<h2>Did not pass ({problems.Count})</h2>\n<ul class=\"problems\">\n");
        foreach (var problem in problems.Take(ProblemsListed))
        {
            var status = StatusWord(problem.Status);
            var step = problem.Step is null ? " in a hook" : $" at \"{problem.Step}\"";
            html.Write($"<li><a data-page href=\"{Link(pagesFolder, problem.Part)}\">{Encode(problem.Part.FeatureName)}</a> › " +
                       $"<b>{Encode(problem.Name)}</b> <span class=\"{status}\">{status}</span>{Encode(step)}");
            if (problem.Message is { } message)
            {
                html.Write($"<pre>{Encode(message.Length > MessageLength ? message[..MessageLength] + " …" : message)}</pre>");
            }

            html.Write("</li>\n");
        }

        if (problems.Count > ProblemsListed)
        {
            html.Write($"<li>… and {problems.Count - ProblemsListed} more: the features they belong to are marked below.</li>\n");
        }

        html.Write("</ul>\n");
    }

    private static void WriteFeatures(TextWriter html, LivingDocument document, string pagesFolder)
    {
        var outcomesOf = document.Outcomes.ToLookup(o => o.Part.Uri);
        var features = document.Parts.GroupBy(p => p.Uri)
            .Select(parts => (Parts: parts.ToList(), Outcomes: outcomesOf[parts.Key].ToList()))
            .OrderByDescending(f => f.Outcomes.Any(o => o.IsProblem))
            .ThenBy(f => f.Parts[0].Uri, StringComparer.Ordinal)
            .ToList();
        html.Write($"<h2>Features ({features.Count})</h2>\n<table><thead><tr><th>Result</th><th>Feature</th><th>File</th><th>Scenarios</th></tr></thead><tbody>\n");
        foreach (var (parts, outcomes) in features)
        {
            var status = FeatureStatus(outcomes);
            var first = parts[0];
            var name = parts.Count == 1
                ? $"<a data-page href=\"{Link(pagesFolder, first)}\">{Encode(first.FeatureName)}</a>"
                : $"{Encode(first.FeatureName)}<div class=\"parts\">{string.Concat(parts.Select(p => $"<a data-page href=\"{Link(pagesFolder, p)}\">scenarios {p.FirstScenario}-{p.LastScenario}</a>"))}</div>";
            html.Write($"<tr><td><span class=\"status {status}\">{status}</span></td><td>{name}</td><td class=\"file\">{Encode(first.Uri)}</td>" +
                       $"<td>{outcomes.Count(o => o.Status == TestStepResultStatus.PASSED)} of {outcomes.Count} passed{Encode(StatusCounts(outcomes))}</td></tr>\n");
        }

        html.Write("</tbody></table>\n");
    }

    /// <summary>", 2 failed, 1 skipped": the statuses other than passed, worst first.</summary>
    private static string StatusCounts(IEnumerable<ScenarioOutcome> outcomes) => string.Concat(outcomes
        .Where(o => o.Status != TestStepResultStatus.PASSED)
        .GroupBy(o => o.Status)
        .OrderByDescending(g => g.Key == TestStepResultStatus.FAILED)
        .Select(g => $", {g.Count()} {StatusWord(g.Key)}"));

    private static string FeatureStatus(List<ScenarioOutcome> outcomes) =>
        outcomes.Count == 0 ? "not run"
        : outcomes.FirstOrDefault(o => o.IsProblem) is { } problem ? StatusWord(problem.Status)
        : outcomes.All(o => o.Status == TestStepResultStatus.PASSED) ? "passed"
        : "skipped";

    private static string RunLine(LivingDocument document)
    {
        if (document.Started is not { } started)
        {
            return "No run was recorded.";
        }

        var start = DateTimeOffset.FromUnixTimeSeconds(started.Timestamp.Seconds);
        var line = $"Run of {start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        if (document.Finished is { } finished)
        {
            var seconds = finished.Timestamp.Seconds - started.Timestamp.Seconds + (finished.Timestamp.Nanos - started.Timestamp.Nanos) / 1e9;
            line += $", {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
        }

        return line + ".";
    }

    private static string StatusWord(TestStepResultStatus status) => status.ToString().ToLowerInvariant();

    private static string Link(string pagesFolder, FeaturePart part) => Encode($"{Uri.EscapeDataString(pagesFolder)}/{Uri.EscapeDataString(part.FileName)}");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
