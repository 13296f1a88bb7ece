namespace BddWs.Bridge.Sharding;

/// <summary>
/// Splits whole features among shards: the heaviest feature first, each to the least loaded shard
/// (the lowest-numbered of equally loaded ones), features of equal weight in ordinal order of their
/// uri. Weights are whole numbers (scenario rows, or nanoseconds of an earlier run), so every shard,
/// on any machine, computes the same split from the same suite.
/// </summary>
public static class FeatureSplit
{
    /// <summary>The uris of the features of each shard (index 0 is shard 1), each list in ordinal order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Split(IEnumerable<SuiteFeature> features, int count, FeatureDurations? durations = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var shards = Enumerable.Range(0, count).Select(_ => new List<string>()).ToArray();
        var loads = new long[count];
        var weighed = features
            .DistinctBy(f => f.Uri, StringComparer.Ordinal)
            .Select(f => (f.Uri, Weight: durations?.WeightOf(f) ?? f.Scenarios))
            .OrderByDescending(f => f.Weight)
            .ThenBy(f => f.Uri, StringComparer.Ordinal);
        foreach (var (uri, weight) in weighed)
        {
            var lightest = 0;
            for (var shard = 1; shard < count; shard++)
            {
                if (loads[shard] < loads[lightest])
                {
                    lightest = shard;
                }
            }

            shards[lightest].Add(uri);
            loads[lightest] += weight;
        }

        foreach (var shard in shards)
        {
            shard.Sort(StringComparer.Ordinal);
        }

        return shards;
    }
}
