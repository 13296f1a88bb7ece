using System.Reflection;
using System.Text.Json;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace BddWs.Cli.Tests.Merging;

/// <summary>
/// A real run's messages (the bridge probe's: three features, passed, failed and undefined steps, an
/// attachment, hooks of the run) and the shards it would have been: each feature's messages go to the
/// shard given it, the run's own (its start and end, step definitions, hooks) to every shard, the
/// hooks' runs to the first.
/// </summary>
public static class RecordedRun
{
    public static string MessagesFile { get; } = Path.Combine(
        typeof(RecordedRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "tests/BddWs.StepDefinitions.Tests/Reporting/probe-run.ndjson");

    public static readonly string[][] ThreeShards =
    [
        ["features/probe.feature"],
        ["features/second.feature"],
        ["features/bad-input.feature"],
    ];

    /// <summary>Writes shard folders <c>shard-1</c> … under <paramref name="root"/>, each with its messages and shard.json; returns them.</summary>
    public static IReadOnlyList<string> WriteShards(string root, string[][] split)
    {
        var lines = File.ReadAllLines(MessagesFile);
        var uriOf = new Dictionary<string, string>();
        var shardLines = split.Select(_ => new List<string>()).ToList();
        foreach (var line in lines)
        {
            var message = NdjsonSerializer.Deserialize(line);
            var uri = Uri(message, uriOf);
            for (var shard = 0; shard < split.Length; shard++)
            {
                if (uri is null ? message.TestRunHookStarted is null && message.TestRunHookFinished is null && message.Attachment is null || shard == 0
                        : split[shard].Contains(uri))
                {
                    shardLines[shard].Add(line);
                }
            }
        }

        var folders = new List<string>();
        for (var shard = 0; shard < split.Length; shard++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, $"shard-{shard + 1}")).FullName;
            File.WriteAllLines(Path.Combine(folder, "messages.ndjson"), shardLines[shard]);
            WriteShardFile(folder, shard + 1, split.Length, split[shard], finished: true);
            folders.Add(folder);
        }

        return folders;
    }

    public static void WriteShardFile(string folder, int shard, int of, string[] features, bool finished) =>
        File.WriteAllText(Path.Combine(folder, "shard.json"), JsonSerializer.Serialize(new
        {
            shard, of, balancedBy = "scenarios", features, scenarios = 0, finished,
        }));

    /// <summary>The feature a message belongs to, null for the run's own messages.</summary>
    private static string? Uri(Envelope message, Dictionary<string, string> uriOf)
    {
        switch (message)
        {
            case { Source: { } source }:
                return source.Uri;
            case { GherkinDocument: { } document }:
                return document.Uri;
            case { Pickle: { } pickle }:
                uriOf[pickle.Id] = pickle.Uri;
                pickle.Steps.ForEach(step => uriOf[step.Id] = pickle.Uri);
                return pickle.Uri;
            case { TestCase: { } testCase }:
                return uriOf[testCase.Id] = uriOf[testCase.PickleId];
            case { TestCaseStarted: { } started }:
                return uriOf[started.Id] = uriOf[started.TestCaseId];
            case { TestStepStarted: { } step }:
                return uriOf[step.TestCaseStartedId];
            case { TestStepFinished: { } step }:
                return uriOf[step.TestCaseStartedId];
            case { TestCaseFinished: { } finished }:
                return uriOf[finished.TestCaseStartedId];
            case { Attachment.TestCaseStartedId: { Length: > 0 } run }:
                return uriOf[run];
            case { Suggestion: { } suggestion }:
                return uriOf[suggestion.PickleStepId];
            default:
                return null;
        }
    }

    /// <summary>Every scenario run of a messages file: its feature, name and each step's text and status, in a stable order.</summary>
    public static IReadOnlyList<string> Scenarios(string messagesFile)
    {
        var messages = File.ReadLines(messagesFile).Select(NdjsonSerializer.Deserialize).ToList();
        var pickles = messages.Where(m => m.Pickle is not null).ToDictionary(m => m.Pickle.Id, m => m.Pickle);
        var cases = messages.Where(m => m.TestCase is not null).ToDictionary(m => m.TestCase.Id, m => m.TestCase);
        var results = messages.Where(m => m.TestStepFinished is not null)
            .ToDictionary(m => (m.TestStepFinished.TestCaseStartedId, m.TestStepFinished.TestStepId), m => m.TestStepFinished.TestStepResult.Status);
        return messages.Where(m => m.TestCaseStarted is not null).Select(m =>
            {
                var testCase = cases[m.TestCaseStarted.TestCaseId];
                var pickle = pickles[testCase.PickleId];
                var steps = testCase.TestSteps.Where(s => !string.IsNullOrEmpty(s.PickleStepId)).Select(s =>
                    $"{pickle.Steps.Single(p => p.Id == s.PickleStepId).Text}: {results.GetValueOrDefault((m.TestCaseStarted.Id, s.Id), TestStepResultStatus.UNKNOWN)}");
                return $"{pickle.Uri} | {pickle.Name} | {string.Join(" | ", pickle.AstNodeIds.Skip(1))} | {string.Join("; ", steps)}";
            })
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
