using System.CommandLine;
using BddWs.Cli.Merging;
using Io.Cucumber.Messages.Types;

namespace BddWs.Cli.Commands;

/// <summary>
/// <c>bddws merge &lt;shard reports…&gt; -o &lt;folder&gt;</c>: one living documentation from the shards of a
/// run. Exit code 0 when the report is the whole run; 1 when a shard is missing or did not finish (the
/// report is written with what there is, and says so); 2 when the inputs cannot make one report.
/// </summary>
public static class MergeCommand
{
    public const int Incomplete = 1;
    public const int Refused = 2;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("reports")
        {
            Description = "The shards' report folders (each with its messages.ndjson and shard.json), or their messages files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The folder to write the merged living documentation to (living-doc.html, its pages, messages.ndjson, the catalog, the conversations).",
            HelpName = "folder",
            Required = true,
        };
        var command = new Command("merge", "Merge the reports of a sharded run into one living documentation, as one run would have written it.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.SetAction(async (parse, _) =>
            await RunAsync(parse.GetValue(inputs) ?? [], parse.GetValue(output)!, Console.Out, Console.Error));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, string output, TextWriter console, TextWriter errors)
    {
        MergePlan plan;
        try
        {
            var outputFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
            if (arguments.FirstOrDefault(a => IsOutput(a, outputFolder)) is { } input)
            {
                throw new MergeRefusedException($"The output folder {output} is one of the inputs ({input}): write the merged report to another folder.");
            }

            plan = MergePlan.Of(arguments.Select(MergeInput.Read).ToList());
        }
        catch (MergeRefusedException refused)
        {
            await errors.WriteLineAsync(refused.Message);
            return Refused;
        }

        using var document = await ReportMerge.WriteAsync(plan, output);
        var outcomes = document.Outcomes;
        var shards = plan.Inputs.Count(i => i.Shard is not null);
        var count = plan.Inputs.Count;
        var what = $"{count} {(shards == count ? "shard" : "report")}{(count == 1 ? "" : "s")}";
        await console.WriteLineAsync(
            $"Merged {what} into {Path.Combine(output, ReportMerge.SummaryFileName)}: {document.Parts.Select(p => p.Uri).Distinct().Count()} features, " +
            $"{outcomes.Count(o => o.Status == TestStepResultStatus.PASSED)} of {outcomes.Count} scenarios passed.");
        foreach (var line in plan.Incomplete)
        {
            await errors.WriteLineAsync(line);
        }

        return plan.Incomplete.Count == 0 ? 0 : Incomplete;
    }

    /// <summary>An input that is the output folder, or a messages file in it: the merge would overwrite what it reads.</summary>
    private static bool IsOutput(string input, string outputFolder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(input));
        var folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full);
        return string.Equals(folder, outputFolder, StringComparison.Ordinal);
    }
}
