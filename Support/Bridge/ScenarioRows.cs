using System.Reflection;
using BddWs.Bridge.Sharding;
using Xunit;

namespace BddWs.Bridge;

/// <summary>
/// The xUnit test cases of one feature file: one row per pickle, named <c>Feature: Scenario</c>
/// and carrying every tag as a <c>Category</c> trait.
/// </summary>
public static class ScenarioRows
{
    /// <summary>
    /// The row for a feature file that cannot be parsed: it runs, and fails with the parser's
    /// message. It carries every tag the file declares, so a tag filter cannot leave it out.
    /// </summary>
    public const int UnreadableFeature = -1;

    /// <summary>The one row of a run whose shard setting cannot be used: it fails with the reason.</summary>
    public const int UnusableShard = -2;

    public static IEnumerable<ITheoryDataRow> For(string path, Assembly testAssembly)
    {
        if (ShardRun.Of(testAssembly).Problem is not null)
        {
            yield return new TheoryDataRow<int>(UnusableShard) { TestDisplayName = $"{Shard.Variable}: cannot be run" };
            yield break;
        }

        var feature = FeatureFile.Load(path, testAssembly);
        if (feature.Problem is not null)
        {
            var broken = new TheoryDataRow<int>(UnreadableFeature) { TestDisplayName = $"{path}: cannot be run" };
            foreach (var tag in feature.ReadableTags)
            {
                broken.WithTrait("Category", tag);
            }

            yield return broken;
            yield break;
        }

        if (feature.PickleList.Count == 0)
        {
            yield return new TheoryDataRow<int>(UnreadableFeature)
            {
                TestDisplayName = $"{feature.Title}: (no scenarios)",
                Skip = $"{path} has no scenarios yet",
            };
            yield break;
        }

        for (var index = 0; index < feature.PickleList.Count; index++)
        {
            var scenario = new PickleScenario(feature, index);
            var row = new TheoryDataRow<int>(index) { TestDisplayName = scenario.DisplayName };
            row.WithTrait("Feature", feature.Title);
            foreach (var tag in scenario.AllTags.Distinct())
            {
                row.WithTrait("Category", tag);
            }

            yield return row;
        }
    }
}
