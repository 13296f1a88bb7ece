namespace BddWs.Cli.Merging;

/// <summary>
/// What the inputs make together: refused when they cannot be one run (the same shard twice, shards
/// of different splits, a feature in two inputs), else the inputs in shard order and the lines that
/// say what the report lacks (a shard missing, a shard that did not finish), for the summary page and the console.
/// </summary>
public sealed class MergePlan
{
    private MergePlan(IReadOnlyList<MergeInput> inputs, IReadOnlyList<string> incomplete)
    {
        Inputs = inputs;
        Incomplete = incomplete;
    }

    /// <summary>Shards in their order, then whole runs in the order given.</summary>
    public IReadOnlyList<MergeInput> Inputs { get; }

    /// <summary>One line for each shard missing or not finished; empty when the report is the whole run.</summary>
    public IReadOnlyList<string> Incomplete { get; }

    public static MergePlan Of(IReadOnlyList<MergeInput> inputs)
    {
        if (inputs.GroupBy(i => i.MessagesFile).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new MergeRefusedException($"{twice.First().ShownAs} is given twice.");
        }

        var shards = inputs.Where(i => i.Shard is not null).OrderBy(i => i.Shard!.Shard).ToList();
        if (shards.Select(i => i.Shard!.Of).Distinct().Count() > 1)
        {
            var first = shards[0];
            var other = shards.First(i => i.Shard!.Of != first.Shard!.Of);
            throw new MergeRefusedException(
                $"{first.ShownAs} is {first.Shard!.Name.ToLowerInvariant()} but {other.ShownAs} is {other.Shard!.Name.ToLowerInvariant()}: shards of different splits are not one run.");
        }

        if (shards.GroupBy(i => i.Shard!.Shard).FirstOrDefault(g => g.Count() > 1) is { } same)
        {
            var pair = same.ToList();
            throw new MergeRefusedException($"{pair[0].ShownAs} and {pair[1].ShownAs} are both {pair[0].Shard!.Name.ToLowerInvariant()}.");
        }

        var ordered = shards.Concat(inputs.Where(i => i.Shard is null)).ToList();
        var holder = new Dictionary<string, MergeInput>();
        foreach (var input in ordered)
        {
            foreach (var uri in input.Features.Distinct())
            {
                if (!holder.TryAdd(uri, input))
                {
                    throw new MergeRefusedException($"{uri} is in both {holder[uri].ShownAs} and {input.ShownAs}: a feature belongs to one shard.");
                }
            }
        }

        // Missing and unfinished shards in the order of their numbers, then whole runs that did not finish.
        var incomplete = new List<(int Order, string Line)>();
        if (shards.Count > 0)
        {
            var of = shards[0].Shard!.Of;
            var present = shards.Select(i => i.Shard!.Shard).ToHashSet();
            incomplete.AddRange(Enumerable.Range(1, of).Where(n => !present.Contains(n))
                .Select(n => (n, $"Shard {n} of {of} is missing: its features are not in this report.")));
        }

        incomplete.AddRange(ordered.Select(i => (i.Shard?.Shard ?? int.MaxValue, NotFinished(i))).Where(l => l.Item2 is not null)!);
        var order = incomplete.OrderBy(l => l.Order).Select(l => l.Line).ToList();
        return new MergePlan(ordered, order);
    }

    /// <summary>Why an input's run did not finish, null when it did.</summary>
    private static string? NotFinished(MergeInput input)
    {
        var who = input.Shard is { } shard ? shard.Name : $"The run in {input.ShownAs}";
        var lacking = (input.Shard?.Features ?? input.Features)
            .Distinct()
            .Select(uri => (Uri: uri, Ran: input.Features.Contains(uri), Counts: input.ScenariosOf(uri)))
            .Where(f => !f.Ran || f.Counts.Finished < f.Counts.Scenarios)
            .Select(f => !f.Ran || f.Counts.Finished == 0
                ? $"{f.Uri} did not run"
                : $"{f.Uri} ran {f.Counts.Finished} of its {f.Counts.Scenarios} scenarios")
            .ToList();
        if (lacking.Count > 0)
        {
            return $"{who} did not finish: {string.Join(", ", lacking)}.";
        }

        if (input.Shard is { Finished: true, Features.Count: 0 })
        {
            return null;
        }

        if (input.Messages == 0)
        {
            return $"{who} did not finish: it recorded nothing.";
        }

        return input.Shard is { Finished: false } || input.Finished is null || input.CutOff
            ? $"{who} did not finish: its run stopped before recording its end."
            : null;
    }
}
