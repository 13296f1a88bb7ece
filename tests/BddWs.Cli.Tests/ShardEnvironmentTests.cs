using System.CommandLine;
using BddWs.Cli.Commands;
using BddWs.Cli.Running;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests;

/// <summary><c>bddws run --shard i/n</c> hands the suite its shard, and the folders it names as full paths.</summary>
public sealed class ShardEnvironmentTests
{
    [Fact]
    public void The_shard_option_becomes_the_suites_variable()
    {
        var suite = new SuiteArguments();
        var root = new RootCommand { RunCommand.Create(suite) };
        var parse = root.Parse(["run", "echo", "--shard", "2/4"]);
        var shard = parse.CommandResult.Command.Options.Single(o => o.Name == "--shard");

        parse.Errors.Should().BeEmpty();
        ShardEnvironment.For(parse.GetValue((Option<string?>)shard), _ => null, "/work").Should()
            .Equal(new Dictionary<string, string> { ["BDDWS_SHARD"] = "2/4" });
        suite.TestArgumentsOf(parse).Should().Equal("-trait", "Category=echo");
    }

    [Fact]
    public void Relative_report_and_durations_folders_mean_the_folder_the_command_was_typed_in()
    {
        var variables = new Dictionary<string, string?> { ["BDDWS_REPORTS"] = "shard-2", ["BDDWS_SHARD_DURATIONS"] = "/runs/last" };

        var environment = ShardEnvironment.For(null, name => variables.GetValueOrDefault(name), "/work/suite");

        environment.Should().Equal(new Dictionary<string, string>
        {
            ["BDDWS_REPORTS"] = Path.GetFullPath("/work/suite/shard-2"),
            ["BDDWS_SHARD_DURATIONS"] = Path.GetFullPath("/runs/last"),
        });
    }

    [Fact]
    public void Without_the_option_the_suite_reads_its_own_variable()
    {
        ShardEnvironment.For(null, _ => null, "/work").Should().BeEmpty();
    }
}
