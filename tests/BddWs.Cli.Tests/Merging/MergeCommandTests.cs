using BddWs.Cli.Commands;
using BddWs.ReqnrollPlugin.Reporting.LivingDoc;
using FluentAssertions;
using Reqnroll.Formatters.PayloadProcessing;
using Xunit;

namespace BddWs.Cli.Tests.Merging;

public sealed class MergeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StringWriter _console = new();
    private readonly StringWriter _errors = new();

    private string Output => Path.Combine(_folder.Path, "merged");

    [Fact]
    public async Task The_shards_of_a_run_merge_into_the_run_scenario_by_scenario()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);

        var exit = await Merge([shards[2], shards[0], Path.Combine(shards[1], "messages.ndjson")]);

        exit.Should().Be(0);
        _errors.ToString().Should().BeEmpty();
        _console.ToString().Should().Be($"Merged 3 shards into {Path.Combine(Output, "living-doc.html")}: 3 features, 5 of 13 scenarios passed.\n");
        RecordedRun.Scenarios(Path.Combine(Output, "messages.ndjson")).Should().Equal(RecordedRun.Scenarios(RecordedRun.MessagesFile));
        Directory.GetFiles(Path.Combine(Output, "living-doc")).Select(Path.GetFileName).Should()
            .BeEquivalentTo("probe.html", "second.html", "bad-input.html", FeaturePage.ScriptFile);
    }

    [Fact]
    public async Task A_shard_that_got_no_feature_merges_as_finished_with_nothing_of_its_own()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);
        var empty = Directory.CreateDirectory(Path.Combine(_folder.Path, "shard-4")).FullName;
        foreach (var (shard, number) in shards.Select((s, i) => (s, i + 1)))
        {
            RecordedRun.WriteShardFile(shard, number, 4, RecordedRun.ThreeShards[number - 1], finished: true);
        }

        RecordedRun.WriteShardFile(empty, 4, 4, [], finished: true);

        var exit = await Merge([.. shards, empty]);

        exit.Should().Be(0);
        _errors.ToString().Should().BeEmpty();
        RecordedRun.Scenarios(Path.Combine(Output, "messages.ndjson")).Should().Equal(RecordedRun.Scenarios(RecordedRun.MessagesFile));
    }

    [Fact]
    public async Task The_merged_summary_is_the_one_the_whole_run_wrote()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);

        await Merge(shards);

        using var whole = new LivingDocument();
        foreach (var line in File.ReadLines(RecordedRun.MessagesFile))
        {
            whole.Add(NdjsonSerializer.Deserialize(line));
        }

        var expected = new StringWriter();
        IndexPage.Write(expected, whole, "living-doc");
        // Line by line: the scenarios that did not pass are listed in the order they ran, shard after shard here.
        File.ReadAllText(Path.Combine(Output, "living-doc.html")).Split('\n').Should().BeEquivalentTo(expected.ToString().Split('\n'));
    }

    [Fact]
    public async Task The_merged_messages_have_one_start_and_one_end_and_every_step_still_finds_its_definition()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);

        await Merge(shards);

        var messages = File.ReadLines(Path.Combine(Output, "messages.ndjson")).Select(NdjsonSerializer.Deserialize).ToList();
        var original = File.ReadLines(RecordedRun.MessagesFile).Select(NdjsonSerializer.Deserialize).ToList();
        messages.Where(m => m.TestRunStarted is not null).Should().ContainSingle()
            .Which.TestRunStarted.Id.Should().Be(original.Single(m => m.TestRunStarted is not null).TestRunStarted.Id);
        var finished = messages.Where(m => m.TestRunFinished is not null).Should().ContainSingle().Which.TestRunFinished;
        finished.Success.Should().BeFalse("a scenario of the run failed");
        finished.Timestamp.Seconds.Should().Be(original.Single(m => m.TestRunFinished is not null).TestRunFinished.Timestamp.Seconds);
        var definitions = messages.Where(m => m.StepDefinition is not null).Select(m => m.StepDefinition.Id).ToList();
        definitions.Should().OnlyHaveUniqueItems();
        messages.Where(m => m.TestCase is not null).SelectMany(m => m.TestCase.TestSteps).SelectMany(s => s.StepDefinitionIds ?? [])
            .Should().OnlyContain(id => definitions.Contains(id));
        messages.Count(m => m.Attachment is not null).Should().Be(original.Count(m => m.Attachment is not null));
    }

    [Fact]
    public async Task A_missing_shard_is_named_on_the_summary_and_the_console_and_the_merge_fails()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);

        var exit = await Merge([shards[0], shards[2]]);

        exit.Should().Be(MergeCommand.Incomplete);
        const string Missing = "Shard 2 of 3 is missing: its features are not in this report.";
        _errors.ToString().Should().Be(Missing + "\n");
        File.ReadAllText(Path.Combine(Output, "living-doc.html")).Should()
            .Contain($"<h1>Living documentation</h1>\n<div class=\"incomplete\"><p>{Missing}</p></div>\n");
        var finished = File.ReadLines(Path.Combine(Output, "messages.ndjson")).Select(NdjsonSerializer.Deserialize).Single(m => m.TestRunFinished is not null);
        finished.TestRunFinished.Success.Should().BeFalse();
    }

    [Fact]
    public async Task A_shard_that_was_stopped_before_its_end_did_not_finish()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);
        RecordedRun.WriteShardFile(shards[1], 2, 3, ["features/second.feature"], finished: false);

        var exit = await Merge(shards);

        exit.Should().Be(MergeCommand.Incomplete);
        _errors.ToString().Should().Be("Shard 2 of 3 did not finish: its run stopped before recording its end.\n");
    }

    [Fact]
    public async Task A_shard_whose_scenarios_did_not_all_finish_names_its_features()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);
        RecordedRun.WriteShardFile(shards[0], 1, 3, ["features/probe.feature", "features/never-run.feature"], finished: false);
        var messages = Path.Combine(shards[0], "messages.ndjson");
        // Stopped after the third scenario's end, and cut off in the middle of a line.
        var lines = File.ReadAllLines(messages);
        var third = lines.Select((line, index) => (line, index)).Where(l => l.line.StartsWith("{\"testCaseFinished\"", StringComparison.Ordinal)).ElementAt(2).index;
        File.WriteAllText(messages, string.Join("\n", lines[..(third + 1)]) + "\n" + lines[third + 1][..20]);

        var exit = await Merge(shards);

        exit.Should().Be(MergeCommand.Incomplete);
        _errors.ToString().Should().Be(
            "Shard 1 of 3 did not finish: features/probe.feature ran 3 of its 8 scenarios, features/never-run.feature did not run.\n");
        File.ReadAllText(Path.Combine(Output, "living-doc.html")).Should().Contain("features/probe.feature ran 3 of its 8 scenarios");
    }

    [Fact]
    public async Task A_run_without_a_shard_file_is_a_whole_run_and_merges_with_shards_of_the_others()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);
        File.Delete(Path.Combine(shards[2], "shard.json"));

        var exit = await Merge(shards);

        exit.Should().Be(MergeCommand.Incomplete);
        _errors.ToString().Should().Be("Shard 3 of 3 is missing: its features are not in this report.\n");
        _console.ToString().Should().StartWith("Merged 3 reports into ");
    }

    [Fact]
    public async Task The_same_shard_twice_is_refused()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);
        RecordedRun.WriteShardFile(shards[2], 2, 3, ["features/bad-input.feature"], finished: true);

        (await Merge(shards)).Should().Be(MergeCommand.Refused);

        _errors.ToString().Should().Be($"{shards[1]} and {shards[2]} are both shard 2 of 3.\n");
        Directory.Exists(Output).Should().BeFalse();
    }

    [Fact]
    public async Task Shards_of_different_splits_are_refused()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);
        RecordedRun.WriteShardFile(shards[2], 3, 4, ["features/bad-input.feature"], finished: true);

        (await Merge(shards)).Should().Be(MergeCommand.Refused);

        _errors.ToString().Should().Be($"{shards[0]} is shard 1 of 3 but {shards[2]} is shard 3 of 4: shards of different splits are not one run.\n");
    }

    [Fact]
    public async Task A_feature_in_two_inputs_is_refused()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, [["features/probe.feature", "features/second.feature"], ["features/second.feature", "features/bad-input.feature"]]);

        (await Merge(shards)).Should().Be(MergeCommand.Refused);

        _errors.ToString().Should().Be($"features/second.feature is in both {shards[0]} and {shards[1]}: a feature belongs to one shard.\n");
    }

    [Fact]
    public async Task An_input_that_is_not_a_messages_file_is_refused()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);
        var notes = _folder.Write("notes.txt", "Shard 1 ran on Tuesday.\nShard 2 on Wednesday.\n");

        (await Merge([.. shards, notes])).Should().Be(MergeCommand.Refused);

        _errors.ToString().Should().Be($"{notes} is not a Cucumber messages file: line 1 is not a Cucumber message.\n");
    }

    [Fact]
    public async Task A_folder_without_messages_and_a_path_that_does_not_exist_are_refused()
    {
        var empty = _folder.Folder("empty");
        (await Merge([empty])).Should().Be(MergeCommand.Refused);
        var gone = Path.Combine(_folder.Path, "gone");
        (await Merge([gone])).Should().Be(MergeCommand.Refused);

        _errors.ToString().Should().Be($"{empty} holds no messages.ndjson: give a shard's report folder or its messages file.\n{gone} does not exist.\n");
    }

    [Fact]
    public async Task An_output_folder_that_is_one_of_the_inputs_is_refused()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);
        var before = File.ReadAllText(Path.Combine(shards[1], "messages.ndjson"));

        (await MergeInto([.. shards], shards[1] + "/")).Should().Be(MergeCommand.Refused);

        _errors.ToString().Should().Be($"The output folder {shards[1]}/ is one of the inputs ({shards[1]}): write the merged report to another folder.\n");
        File.ReadAllText(Path.Combine(shards[1], "messages.ndjson")).Should().Be(before);
    }

    [Fact]
    public async Task The_conversation_files_and_the_catalog_of_the_shards_are_in_the_merged_report()
    {
        var shards = RecordedRun.WriteShards(_folder.Path, RecordedRun.ThreeShards);
        _folder.Write("shard-1/conversations/Probe - A.txt", "a");
        _folder.Write("shard-3/conversations/Bad input - B.txt", "b");
        _folder.Write("shard-2/step-catalog.html", "<html>catalog</html>");

        await Merge(shards);

        Directory.GetFiles(Path.Combine(Output, "conversations")).Select(Path.GetFileName).Should().BeEquivalentTo("Probe - A.txt", "Bad input - B.txt");
        File.ReadAllText(Path.Combine(Output, "step-catalog.html")).Should().Be("<html>catalog</html>");
    }

    private Task<int> Merge(IReadOnlyList<string> inputs) => MergeInto(inputs, Output);

    private Task<int> MergeInto(IReadOnlyList<string> inputs, string output) => MergeCommand.RunAsync(inputs, output, _console, _errors);

    public void Dispose() => _folder.Dispose();
}
