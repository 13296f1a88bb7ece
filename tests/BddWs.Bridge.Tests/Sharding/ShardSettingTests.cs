using BddWs.Bridge.Sharding;
using FluentAssertions;
using Xunit;

namespace BddWs.Bridge.Tests.Sharding;

/// <summary>BDDWS_SHARD and BDDWS_SHARD_DURATIONS: read, or refused with one line that says what to write.</summary>
public sealed class ShardSettingTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bddws-shard-");

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData("1/1", 1, 1)]
    [InlineData(" 3/3 ", 3, 3)]
    public void A_shard_is_i_of_n(string text, int index, int count) =>
        Shard.Parse(text).Should().Be(new Shard(index, count));

    [Theory]
    [InlineData("5/4")]
    [InlineData("0/2")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    [InlineData("1/2/3")]
    public void Anything_else_is_refused_in_one_line(string text) =>
        FluentActions.Invoking(() => Shard.Parse(text)).Should().Throw<ShardSettingException>()
            .WithMessage($"BDDWS_SHARD must be i/n with 1 ≤ i ≤ n, such as 2/4, but it is \"{text}\".");

    [Fact]
    public void A_feature_weighs_the_time_its_scenarios_took_and_an_unknown_one_the_mean_per_scenario()
    {
        var messages = Path.Combine(_folder.FullName, "messages.ndjson");
        File.WriteAllLines(messages, EarlierRun());

        var durations = FeatureDurations.Read(_folder.FullName);

        durations.WeightOf(new SuiteFeature("features/chat.feature", 9)).Should().Be(3_500_000_000);
        durations.WeightOf(new SuiteFeature("features/echo.feature", 1)).Should().Be(250_000_000);
        // (3.5 s + 0.25 s) / 3 scenarios = 1.25 s each.
        durations.WeightOf(new SuiteFeature("features/new.feature", 2)).Should().Be(2_500_000_000);
    }

    [Fact]
    public void A_durations_file_that_is_not_there_is_named()
    {
        var missing = Path.Combine(_folder.FullName, "gone.ndjson");

        FluentActions.Invoking(() => FeatureDurations.Read(missing)).Should().Throw<ShardSettingException>()
            .WithMessage($"BDDWS_SHARD_DURATIONS names \"{missing}\", which does not exist.");
    }

    [Fact]
    public void A_report_folder_without_messages_is_named()
    {
        FluentActions.Invoking(() => FeatureDurations.Read(_folder.FullName)).Should().Throw<ShardSettingException>()
            .WithMessage($"BDDWS_SHARD_DURATIONS names the folder \"{_folder.FullName}\", which holds no messages.ndjson.");
    }

    [Fact]
    public void A_file_that_is_not_cucumber_messages_is_named_with_its_line()
    {
        var file = Path.Combine(_folder.FullName, "messages.ndjson");
        File.WriteAllLines(file, [EarlierRun()[0], "{\"testCase\": not json"]);

        FluentActions.Invoking(() => FeatureDurations.Read(file)).Should().Throw<ShardSettingException>()
            .WithMessage($"BDDWS_SHARD_DURATIONS names \"{file}\", which cannot be read as Cucumber messages (line 2).");
    }

    [Fact]
    public void A_run_without_a_finished_scenario_gives_no_durations()
    {
        var file = Path.Combine(_folder.FullName, "messages.ndjson");
        File.WriteAllLines(file, EarlierRun().Where(l => !l.Contains("testCaseFinished", StringComparison.Ordinal)));

        FluentActions.Invoking(() => FeatureDurations.Read(file)).Should().Throw<ShardSettingException>()
            .WithMessage($"BDDWS_SHARD_DURATIONS names \"{file}\", which holds no finished scenario to take durations from.");
    }

    [Fact]
    public void Shard_json_keeps_its_field_names()
    {
        var file = Path.Combine(_folder.FullName, "shard.json");
        new ShardFile { Shard = 2, Of = 4, BalancedBy = "durations", Features = ["features/a.feature", "features/chat.feature"], Scenarios = 37, Finished = true }.Write(file);

        File.ReadAllText(file).Should().Be(
            """{"shard":2,"of":4,"balancedBy":"durations","features":["features/a.feature","features/chat.feature"],"scenarios":37,"finished":true}""");
        ShardFile.Read(file).Should().BeEquivalentTo(new { Shard = 2, Of = 4, BalancedBy = "durations", Scenarios = 37, Finished = true });
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static string[] EarlierRun() =>
    [
        """{"meta":{"protocolVersion":"27.0.0"}}""",
        """{"pickle":{"id":"p1","uri":"features/chat.feature","name":"a","language":"en","steps":[],"tags":[],"astNodeIds":[]}}""",
        """{"pickle":{"id":"p2","uri":"features/chat.feature","name":"b","language":"en","steps":[],"tags":[],"astNodeIds":[]}}""",
        """{"pickle":{"id":"p3","uri":"features/echo.feature","name":"c","language":"en","steps":[],"tags":[],"astNodeIds":[]}}""",
        """{"testCase":{"id":"t1","pickleId":"p1","testSteps":[]}}""",
        """{"testCase":{"id":"t2","pickleId":"p2","testSteps":[]}}""",
        """{"testCase":{"id":"t3","pickleId":"p3","testSteps":[]}}""",
        """{"testCaseStarted":{"attempt":0,"id":"s1","testCaseId":"t1","timestamp":{"seconds":10,"nanos":0}}}""",
        """{"attachment":{"body":"{\"testCaseStarted\":1}","mediaType":"text/plain"}}""",
        """{"testCaseFinished":{"testCaseStartedId":"s1","timestamp":{"seconds":11,"nanos":500000000},"willBeRetried":false}}""",
        """{"testCaseStarted":{"attempt":0,"id":"s2","testCaseId":"t2","timestamp":{"seconds":11,"nanos":0}}}""",
        """{"testCaseFinished":{"testCaseStartedId":"s2","timestamp":{"seconds":13,"nanos":0},"willBeRetried":false}}""",
        """{"testCaseStarted":{"attempt":0,"id":"s3","testCaseId":"t3","timestamp":{"seconds":13,"nanos":0}}}""",
        """{"testCaseFinished":{"testCaseStartedId":"s3","timestamp":{"seconds":13,"nanos":250000000},"willBeRetried":false}}""",
    ];
}
