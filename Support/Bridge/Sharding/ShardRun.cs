using System.Collections.Concurrent;
using System.Reflection;
using Xunit;

namespace BddWs.Bridge.Sharding;

/// <summary>
/// What this process runs of its test assembly's suite: every feature (no <c>BDDWS_SHARD</c>), the
/// features of its shard, or nothing but the one line saying why its shard setting cannot be used.
/// Every shard reads every feature file of the suite (the generator names them all in the assembly),
/// so each computes the same whole split and takes its own share of it. Decided once per process,
/// as the first test class is discovered.
/// </summary>
public sealed class ShardRun
{
    private static readonly ConcurrentDictionary<Assembly, Lazy<ShardRun>> Decided = new();

    private readonly HashSet<string> _features;

    private ShardRun(Shard? shard, IEnumerable<string> features, int scenarios, string balancedBy, string? problem)
    {
        Shard = shard;
        _features = new HashSet<string>(features, StringComparer.Ordinal);
        Scenarios = scenarios;
        BalancedBy = balancedBy;
        Problem = problem;
    }

    /// <summary>This run's shard; null for a run of the whole suite.</summary>
    public Shard? Shard { get; }

    /// <summary>Why the shard setting cannot be used, in one line; null when it can.</summary>
    public string? Problem { get; }

    /// <summary>The scenario rows of this run's features.</summary>
    public int Scenarios { get; }

    public string BalancedBy { get; }

    /// <summary>The features of this run, in ordinal order.</summary>
    public IReadOnlyList<string> Features => _features.Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether this run runs the feature <paramref name="uri"/>.</summary>
    public bool Runs(string uri) => _features.Contains(uri);

    public static ShardRun Of(Assembly testAssembly) =>
        Decided.GetOrAdd(testAssembly, a => new Lazy<ShardRun>(() => Decide(a))).Value;

    /// <summary>
    /// The feature that carries the failing row of a run whose shard setting cannot be used (the first
    /// in ordinal order), so the run fails once, with the reason, instead of passing with nothing run.
    /// </summary>
    public static string? FirstFeatureOf(Assembly testAssembly) => SuiteOf(testAssembly).FirstOrDefault()?.Uri;

    /// <summary>Every feature of the suite with its scenario rows, in ordinal order of uri.</summary>
    public static IReadOnlyList<SuiteFeature> SuiteOf(Assembly testAssembly) => testAssembly.GetCustomAttributes<FeatureFileAttribute>()
        .Select(a => a.Path)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .Select(path => new SuiteFeature(path, FeatureFile.Load(path, testAssembly).PickleList.Count))
        .ToList();

    /// <summary>
    /// As the run starts: a sharded run writes its <c>shard.json</c>, not finished yet, and says what it
    /// runs; a run of the whole suite removes a <c>shard.json</c> left in its report folder by an earlier one.
    /// </summary>
    public void Begin(string reportFolder)
    {
        var file = Path.Combine(reportFolder, ShardFile.FileName);
        if (Shard is not { } shard)
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }

            return;
        }

        ToFile(finished: false).Write(file);
        TestContext.Current.SendDiagnosticMessage(
            $"Shard {shard} runs {_features.Count} of the suite's features ({Scenarios} scenarios), balanced by {BalancedBy}.");
    }

    /// <summary>Once the run has ended and its report is written whole: <c>shard.json</c> says the shard finished.</summary>
    public void End(string reportFolder)
    {
        if (Shard is not null)
        {
            ToFile(finished: true).Write(Path.Combine(reportFolder, ShardFile.FileName));
        }
    }

    private ShardFile ToFile(bool finished) => new()
    {
        Shard = Shard!.Value.Index,
        Of = Shard.Value.Count,
        BalancedBy = BalancedBy,
        Features = Features,
        Scenarios = Scenarios,
        Finished = finished,
    };

    private static ShardRun Decide(Assembly testAssembly)
    {
        var suite = SuiteOf(testAssembly);
        if (Environment.GetEnvironmentVariable(Sharding.Shard.Variable) is not { Length: > 0 } setting)
        {
            return new ShardRun(null, suite.Select(f => f.Uri), suite.Sum(f => f.Scenarios), ShardFile.BalancedByScenarios, null);
        }

        try
        {
            var shard = Sharding.Shard.Parse(setting);
            var durations = Environment.GetEnvironmentVariable(FeatureDurations.Variable) is { Length: > 0 } earlier
                ? FeatureDurations.Read(earlier)
                : null;
            var features = FeatureSplit.Split(suite, shard.Count, durations)[shard.Index - 1];
            var mine = new HashSet<string>(features, StringComparer.Ordinal);
            var run = new ShardRun(
                shard,
                features,
                suite.Where(f => mine.Contains(f.Uri)).Sum(f => f.Scenarios),
                durations is null ? ShardFile.BalancedByScenarios : ShardFile.BalancedByDurations,
                null);
            if (features.Count == 0)
            {
                run.RunNothing(testAssembly, suite.Count);
            }

            return run;
        }
        catch (ShardSettingException problem)
        {
            return new ShardRun(null, [], 0, ShardFile.BalancedByScenarios, problem.Message);
        }
    }

    /// <summary>
    /// A shard with no feature (more shards than features) discovers no test, so the run itself never
    /// starts: it says so now, and leaves its <c>shard.json</c>, finished, and no messages of an earlier run.
    /// </summary>
    private void RunNothing(Assembly testAssembly, int suiteFeatures)
    {
        SuiteFolder.UseFolderOf(testAssembly);
        if (SuiteFolder.MessagesFile() is { } messages && File.Exists(messages))
        {
            File.Delete(messages);
        }

        ToFile(finished: true).Write(Path.Combine(SuiteFolder.Reports(), ShardFile.FileName));
        TestContext.Current.SendDiagnosticMessage(
            $"Shard {Shard} runs nothing: the suite has {suiteFeatures} {(suiteFeatures == 1 ? "feature" : "features")} for {Shard!.Value.Count} shards.");
    }
}
