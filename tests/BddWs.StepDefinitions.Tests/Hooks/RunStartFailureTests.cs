using FluentAssertions;
using Xunit;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Hooks;

/// <summary>
/// A run whose BeforeTestRun hook fails, as a user meets it: tests/LeakProbe run with a plain
/// <c>dotnet test</c> and no server to test. Its scenario fails with the hook's message alone,
/// one line: no stack trace, no exception type, no word of fixtures, and no second failure from
/// the hooks that end a run which never started.
/// </summary>
public sealed class RunStartFailureTests
{
    [Fact]
    public async Task A_failed_start_of_the_run_fails_each_scenario_with_the_hooks_message_in_one_line()
    {
        var (exitCode, output) = await ProbeRun.DotnetTestAsync(ProbeRun.PathOf("LeakProbe"), server: null);

        exitCode.Should().NotBe(0, output);
        var lines = output.Split('\n');
        lines.Should().ContainSingle(line => line.Contains("No server to test", StringComparison.Ordinal), output)
            .Which.Trim().Should().StartWith("No server to test: set BDDWS_SERVER_URL");
        lines.Should().NotContain(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal), "no stack trace is shown")
            .And.NotContain(line => line.Contains("Exception", StringComparison.Ordinal) || line.Contains("fixture", StringComparison.Ordinal)
                                    || line.Contains("Cleanup Failure", StringComparison.Ordinal) || line.Contains("The run failed", StringComparison.Ordinal));
        lines.Should().Contain(line => line.StartsWith("Failed!", StringComparison.Ordinal));
    }
}
