using BddWs.Bridge.Sharding;
using FluentAssertions;
using Xunit;

namespace BddWs.Bridge.Tests.Sharding;

/// <summary>
/// The shards of any suite are disjoint and together are the whole suite, and every shard computes
/// the same split: checked over many generated suites, by scenario counts and by durations.
/// </summary>
public sealed class FeatureSplitTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 200)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shards_are_disjoint_and_together_the_whole_suite_and_the_same_on_every_computation(int seed)
    {
        var random = new Random(seed);
        var suite = GeneratedSuite(random);
        var durations = seed % 2 == 0 ? GeneratedDurations(random, suite) : null;
        for (var count = 1; count <= suite.Count + 3; count++)
        {
            var split = FeatureSplit.Split(suite, count, durations);

            split.Should().HaveCount(count);
            var all = split.SelectMany(s => s).ToList();
            all.Should().OnlyHaveUniqueItems("a feature runs in one shard only (seed {0}, {1} shards)", seed, count);
            all.Should().BeEquivalentTo(suite.Select(f => f.Uri), "the shards together run the whole suite (seed {0}, {1} shards)", seed, count);
            split.Should().AllSatisfy(s => s.Should().BeInAscendingOrder(StringComparer.Ordinal));

            // Another shard computes the split from the features in another order, and from durations read afresh.
            var again = FeatureSplit.Split(suite.AsEnumerable().Reverse().ToList(), count, durations is null ? null : Copy(durations, suite));
            again.Should().BeEquivalentTo(split, o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public void The_largest_feature_goes_first_to_the_least_loaded_shard()
    {
        var suite = new[] { Feature("features/a.feature", 5), Feature("features/b.feature", 4), Feature("features/c.feature", 3), Feature("features/d.feature", 2) };

        var split = FeatureSplit.Split(suite, 2);

        split[0].Should().Equal("features/a.feature", "features/d.feature");
        split[1].Should().Equal("features/b.feature", "features/c.feature");
    }

    [Fact]
    public void Features_of_equal_size_are_placed_in_ordinal_order_of_their_uri()
    {
        var suite = new[] { Feature("features/b.feature", 1), Feature("features/B.feature", 1), Feature("features/a.feature", 1) };

        var split = FeatureSplit.Split(suite, 3);

        split.Select(s => s.Single()).Should().Equal("features/B.feature", "features/a.feature", "features/b.feature");
    }

    [Fact]
    public void Durations_of_an_earlier_run_outweigh_scenario_counts()
    {
        var suite = new[] { Feature("features/slow.feature", 1), Feature("features/many.feature", 10), Feature("features/few.feature", 2) };
        var durations = new FeatureDurations(new Dictionary<string, long> { ["features/slow.feature"] = 60_000, ["features/many.feature"] = 10_000 }, 1_000);

        var split = FeatureSplit.Split(suite, 2, durations);

        split[0].Should().Equal("features/slow.feature");
        split[1].Should().Equal("features/few.feature", "features/many.feature");
    }

    [Fact]
    public void More_shards_than_features_leave_the_last_shards_empty()
    {
        var split = FeatureSplit.Split([Feature("features/a.feature", 3), Feature("features/b.feature", 1)], 4);

        split.Select(s => s.Count).Should().Equal(1, 1, 0, 0);
    }

    private static SuiteFeature Feature(string uri, int scenarios) => new(uri, scenarios);

    private static List<SuiteFeature> GeneratedSuite(Random random)
    {
        var count = random.Next(0, 40);
        return Enumerable.Range(0, count)
            .Select(i => Feature($"features/{(char)('a' + random.Next(26))}{i}/x{random.Next(1000)}.feature", random.Next(4) == 0 ? random.Next(0, 3) : random.Next(1, 300)))
            .ToList();
    }

    private static FeatureDurations GeneratedDurations(Random random, List<SuiteFeature> suite)
    {
        // Some features were not in the earlier run; some took the same time as another.
        var times = suite.Where(_ => random.Next(5) > 0).ToDictionary(f => f.Uri, _ => (long)random.Next(0, 8) * 1_000_000_000L + random.Next(3));
        return new FeatureDurations(times, random.Next(1, 5_000_000));
    }

    private static FeatureDurations Copy(FeatureDurations durations, List<SuiteFeature> suite) =>
        new(suite.ToDictionary(f => f.Uri, f => durations.WeightOf(f)), 0);
}
