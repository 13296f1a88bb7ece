using BddWs.Bridge.Sharding;
using BddWs.Bridge.Tests.Helpers;
using FluentAssertions;
using Xunit;

namespace BddWs.Bridge.Tests.Sharding;

/// <summary>
/// The bridge probe run in shards, each its own process with its own report folder (BDDWS_REPORTS):
/// each shard discovers only its features, together they are the whole probe, and each says in
/// <c>shard.json</c> what it ran and that it finished.
/// </summary>
public sealed class ShardedProbeTests
{
    [Fact]
    public void Two_shards_run_every_scenario_of_the_probe_once_and_list_only_their_own()
    {
        var whole = ProbeRun.With(new Dictionary<string, string> { [SuiteFolder.ReportsVariable] = "{reports}" });
        var shards = new[] { "1/2", "2/2" }.Select(RunShard).ToList();

        shards.SelectMany(s => s.Tests.Keys).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(whole.Tests.Keys);
        File.Exists(Path.Combine(whole.Folder, ShardFile.FileName)).Should().BeFalse("a run of the whole suite is no shard");
        File.Exists(Path.Combine(whole.Folder, ProbeRun.ReportFiles[1])).Should().BeTrue("BDDWS_REPORTS takes the report");
        foreach (var (run, number) in shards.Select((run, i) => (run, i + 1)))
        {
            var shard = ShardFile.Read(Path.Combine(run.Folder, ShardFile.FileName));
            shard.Should().BeEquivalentTo(new { Shard = number, Of = 2, BalancedBy = "scenarios", Finished = true });
            shard.Features.Should().NotBeEmpty().And.BeInAscendingOrder(StringComparer.Ordinal);
            // The shard's report holds its own features only.
            run.Messages.Where(l => l.StartsWith("{\"pickle\":", StringComparison.Ordinal))
                .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("pickle").GetProperty("uri").GetString())
                .Distinct().Should().BeSubsetOf(shard.Features);
        }

        shards.SelectMany(s => ShardFile.Read(Path.Combine(s.Folder, ShardFile.FileName)).Features).Should()
            .BeEquivalentTo("features/bad-input.feature", "features/malformed.feature", "features/probe.feature", "features/second.feature");
    }

    [Fact]
    public void A_shard_setting_that_cannot_be_used_fails_the_run_with_one_line()
    {
        var run = RunShard("5/4");

        run.ExitCode.Should().NotBe(0);
        run.Tests.Keys.Should().Equal("BDDWS_SHARD: cannot be run");
        ProbeRun.Failure(run.Test("BDDWS_SHARD: cannot be run")).Should().Be("BDDWS_SHARD must be i/n with 1 ≤ i ≤ n, such as 2/4, but it is \"5/4\".");
        File.Exists(Path.Combine(run.Folder, ShardFile.FileName)).Should().BeFalse();
    }

    [Fact]
    public void A_durations_file_that_is_not_there_fails_the_run_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"bddws-no-such-run-{Guid.NewGuid():N}.ndjson");
        var run = ProbeRun.With(new Dictionary<string, string>
        {
            [SuiteFolder.ReportsVariable] = "{reports}",
            [Shard.Variable] = "1/2",
            [FeatureDurations.Variable] = missing,
        });

        run.ExitCode.Should().NotBe(0);
        ProbeRun.Failure(run.Tests.Values.Single()).Should().Be($"BDDWS_SHARD_DURATIONS names \"{missing}\", which does not exist.");
    }

    [Fact]
    public void A_shard_that_gets_no_feature_runs_nothing_says_so_and_leaves_its_shard_file()
    {
        var run = RunShard("6/6");

        run.Tests.Should().BeEmpty();
        run.Console.Should().Contain("Shard 6/6 runs nothing: the suite has 4 features for 6 shards.");
        ShardFile.Read(Path.Combine(run.Folder, ShardFile.FileName)).Should().BeEquivalentTo(
            new { Shard = 6, Of = 6, Features = Array.Empty<string>(), Scenarios = 0, Finished = true });
    }

    [Fact]
    public void A_run_of_the_whole_suite_removes_the_shard_file_an_earlier_shard_left()
    {
        var run = ProbeRun.With(
            new Dictionary<string, string> { [SuiteFolder.ReportsVariable] = "{reports}" },
            new Dictionary<string, string> { [ShardFile.FileName] = """{"shard":1,"of":2,"features":[],"scenarios":0,"finished":true}""" });

        run.Messages.Should().NotBeEmpty();
        File.Exists(Path.Combine(run.Folder, ShardFile.FileName)).Should().BeFalse();
    }

    [Fact]
    public void A_shard_with_nothing_to_run_leaves_no_messages_of_an_earlier_run()
    {
        var run = ProbeRun.With(
            new Dictionary<string, string> { [SuiteFolder.ReportsVariable] = "{reports}", [Shard.Variable] = "5/5" },
            new Dictionary<string, string> { [ProbeRun.ReportFiles[1]] = "{}" });

        run.Messages.Should().BeEmpty();
        File.Exists(Path.Combine(run.Folder, ShardFile.FileName)).Should().BeTrue();
    }

    [Fact]
    public void A_relative_report_folder_is_read_against_the_folder_the_command_was_typed_in()
    {
        var run = ProbeRun.With(new Dictionary<string, string> { ["PWD"] = "{reports}", [SuiteFolder.ReportsVariable] = "shard-reports" });

        File.Exists(Path.Combine(run.Folder, "shard-reports", ProbeRun.ReportFiles[1])).Should().BeTrue();
    }

    private static ProbeRun RunShard(string shard) => ProbeRun.With(new Dictionary<string, string>
    {
        [SuiteFolder.ReportsVariable] = "{reports}",
        [Shard.Variable] = shard,
    });
}
