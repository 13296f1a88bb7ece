using Io.Cucumber.Messages.Types;

namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// Cuts a feature into parts of at most <c>scenariosPerPart</c> scenarios (an Examples row counts
/// as one), in the file's order. A Scenario Outline or a Rule is never cut: it stays whole in one
/// part, even when it alone is longer. Backgrounds are kept in every part, as each part's
/// scenarios run after them.
/// </summary>
public static class FeatureParts
{
    public static IReadOnlyList<(FeaturePart Part, GherkinDocument Document)> Split(GherkinDocument document, int scenariosPerPart)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scenariosPerPart, 1);
        var feature = document.Feature;
        var backgrounds = feature.Children.Where(child => child.Background is not null).ToList();
        var groups = new List<List<FeatureChild>>();
        var counts = new List<int>();
        foreach (var child in feature.Children.Where(child => child.Background is null))
        {
            var scenarios = ScenarioCount(child);
            if (groups.Count == 0 || (counts[^1] > 0 && counts[^1] + scenarios > scenariosPerPart))
            {
                groups.Add([]);
                counts.Add(0);
            }

            groups[^1].Add(child);
            counts[^1] += scenarios;
        }

        if (groups.Count == 0)
        {
            groups.Add([]);
            counts.Add(0);
        }

        var parts = new List<(FeaturePart, GherkinDocument)>();
        var first = 1;
        for (var i = 0; i < groups.Count; i++)
        {
            var cut = new Feature(feature.Location, feature.Tags, feature.Language, feature.Keyword, feature.Name, feature.Description,
                [.. backgrounds, .. groups[i]]);
            var part = new FeaturePart(document.Uri, feature.Name, i + 1, first, first + counts[i] - 1) { Of = groups.Count };
            parts.Add((part, new GherkinDocument(document.Uri, cut, document.Comments)));
            first += counts[i];
        }

        return parts;
    }

    /// <summary>The ids pickles name first in their <c>astNodeIds</c>: every scenario of a part, Rules' included.</summary>
    public static IEnumerable<string> ScenarioIds(GherkinDocument part) =>
        part.Feature.Children.SelectMany(child => child.Rule is { } rule
            ? rule.Children.Where(c => c.Scenario is not null).Select(c => c.Scenario.Id)
            : child.Scenario is { } scenario ? [scenario.Id] : []);

    private static int ScenarioCount(FeatureChild child) => child.Rule is { } rule
        ? rule.Children.Where(c => c.Scenario is not null).Sum(c => ScenarioCount(c.Scenario))
        : child.Scenario is { } scenario ? ScenarioCount(scenario) : 0;

    private static int ScenarioCount(Scenario scenario) =>
        scenario.Examples is { Count: > 0 } examples ? examples.Sum(e => e.TableBody?.Count ?? 0) : 1;
}
