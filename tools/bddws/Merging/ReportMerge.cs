using System.Text;
using System.Text.Json;
using BddWs.Bridge.Sharding;
using BddWs.ReqnrollPlugin.Catalog;
using BddWs.ReqnrollPlugin.Reporting.LivingDoc;
using Io.Cucumber.Messages.Types;

namespace BddWs.Cli.Merging;

/// <summary>
/// Writes the living documentation one unsharded run would have written, from the messages of its
/// shards: <c>messages.ndjson</c> (the run's start once, the earliest; the step definitions, hooks and
/// parameter types once, each shard's steps referring to them; each shard's own messages; the run's end
/// once, the latest, a success only when every shard succeeded and none is missing or unfinished),
/// the summary page and every feature page drawn from those messages, the step catalog, the
/// conversation files.
/// </summary>
public static class ReportMerge
{
    public const string SummaryFileName = "living-doc.html";
    private const string ConversationsFolder = "conversations";
    private const string UndefinedStepsFile = "undefined-steps.md";

    public static async Task<LivingDocument> WriteAsync(MergePlan plan, string folder)
    {
        Directory.CreateDirectory(folder);
        // A shard file left from a shard's report would make the merged report pass for a shard.
        File.Delete(Path.Combine(folder, ShardFile.FileName));
        var document = new LivingDocument();
        using (var messages = new StreamWriter(Path.Combine(folder, MergeInput.MessagesFileName), append: false, new UTF8Encoding(false)))
        {
            WriteMessages(plan, line =>
            {
                messages.WriteLine(line);
                document.Add(MergeInput.Parse(line)!);
            });
        }

        await LivingDocPages.WriteAllAsync(document, Path.Combine(folder, SummaryFileName), plan.Incomplete);
        CopyCatalog(plan, folder);
        CopyConversations(plan, folder);
        JoinUndefinedSteps(plan, folder);
        return document;
    }

    private static void WriteMessages(MergePlan plan, Action<string> write)
    {
        var earliest = plan.Inputs.Select(i => i.Started).OfType<TestRunStarted>()
            .MinBy(s => (s.Timestamp.Seconds, s.Timestamp.Nanos));
        var runId = earliest?.Id ?? Guid.NewGuid().ToString("N");
        write(JsonSerializer.Serialize(new
        {
            testRunStarted = new { timestamp = earliest?.Timestamp ?? Now(), id = runId },
        }, Json));
        var meta = false;
        var definitions = new RunDefinitions();
        foreach (var input in plan.Inputs)
        {
            var ownRun = input.Started is { } started ? $"\"testRunStartedId\":\"{started.Id}\"" : null;
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in input.Lines())
            {
                var kind = Kind(line);
                switch (kind)
                {
                    case "testRunStarted" or "testRunFinished":
                    case "meta" when meta:
                        continue;
                    case "meta":
                        meta = true;
                        break;
                    // Every shard ran the same bindings under ids of its own: each is written once, as one run writes it.
                    case "stepDefinition" or "hook" or "parameterType" or "undefinedParameterType" when !definitions.IsNew(kind, line, aliases):
                        continue;
                }

                var written = ownRun is null || ownRun.EndsWith($"\"{runId}\"", StringComparison.Ordinal)
                    ? line
                    : line.Replace(ownRun, $"\"testRunStartedId\":\"{runId}\"", StringComparison.Ordinal);
                write(kind is "testCase" or "testRunHookStarted" ? RunDefinitions.Aliased(written, aliases) : written);
            }
        }

        var ends = plan.Inputs.Select(i => i.Finished).OfType<TestRunFinished>().ToList();
        var latest = ends.MaxBy(f => (f.Timestamp.Seconds, f.Timestamp.Nanos))?.Timestamp ?? earliest?.Timestamp ?? Now();
        var success = plan.Incomplete.Count == 0 && ends.Count == plan.Inputs.Count && ends.All(f => f.Success);
        write(JsonSerializer.Serialize(new
        {
            testRunFinished = new { success, timestamp = latest, testRunStartedId = runId },
        }, Json));
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static Timestamp Now()
    {
        var now = DateTimeOffset.UtcNow;
        return new Timestamp(now.ToUnixTimeSeconds(), now.Millisecond * 1_000_000);
    }

    /// <summary>A message's kind, its one property: <c>{"pickle":{…}}</c> is a pickle.</summary>
    private static string Kind(string line)
    {
        var start = line.IndexOf('"') + 1;
        return start == 0 ? "" : line[start..line.IndexOf('"', start)];
    }

    /// <summary>The shards ran the same bindings: any shard's catalog is the run's.</summary>
    private static void CopyCatalog(MergePlan plan, string folder)
    {
        var target = Path.Combine(folder, CatalogHtml.FileName);
        if (plan.Inputs.Select(i => Path.Combine(i.Folder, CatalogHtml.FileName)).FirstOrDefault(File.Exists) is { } catalog
            && !SamePath(catalog, target))
        {
            File.Copy(catalog, target, overwrite: true);
        }
    }

    private static void CopyConversations(MergePlan plan, string folder)
    {
        var target = Path.Combine(folder, ConversationsFolder);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        foreach (var input in plan.Inputs)
        {
            var source = Path.Combine(input.Folder, ConversationsFolder);
            if (!Directory.Exists(source))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy, overwrite: true);
            }
        }
    }

    /// <summary>The code to add for undefined steps, each shard's once: shards that met the same step say the same.</summary>
    private static void JoinUndefinedSteps(MergePlan plan, string folder)
    {
        var texts = plan.Inputs.Select(i => Path.Combine(i.Folder, UndefinedStepsFile)).Where(File.Exists)
            .Select(File.ReadAllText).Distinct().ToList();
        var target = Path.Combine(folder, UndefinedStepsFile);
        if (texts.Count == 0)
        {
            File.Delete(target);
            return;
        }

        File.WriteAllText(target, string.Join("\n", texts));
    }

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
