using FluentAssertions;
using BddWs.Testing;
using Xunit;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Hooks;

/// <summary>
/// The after-run leak check, as a user meets it: tests/LeakProbe is a one-scenario suite on the
/// BddWs hooks whose scenario leaves a connection open, run with a plain <c>dotnet test</c>
/// against a bundled server of this test's own.
/// </summary>
public sealed class LeakCheckTests
{
    private const string Sentence =
        "The run failed. 1 WebSocket connection was still open on the server 3s after the last scenario; a scenario or hook left it open.";

    [Fact]
    public async Task A_connection_left_open_fails_the_run_with_one_line_saying_so_at_default_verbosity()
    {
        await using var server = await BundledServer.StartAsync();

        var (exitCode, output) = await ProbeRun.DotnetTestAsync(ProbeRun.PathOf("LeakProbe"), server.WebSocket("/ws"));

        exitCode.Should().NotBe(0, output);
        output.Split('\n').Should().ContainSingle(line => line.Contains(Sentence, StringComparison.Ordinal), output)
            .Which.Should().EndWith("LeakProbe: " + Sentence);
    }

    [Fact]
    public async Task A_connection_left_open_on_an_instance_of_the_service_names_the_instance()
    {
        await using var server = await BundledServer.StartAsync();
        await using var instance = await BundledServer.StartAsync();

        var (exitCode, output) = await ProbeRun.DotnetTestAsync(ProbeRun.PathOf("LeakProbe"), server.WebSocket("/ws"),
            new Dictionary<string, string> { ["BDDWS_SERVERS"] = $"b={instance.WebSocket("/ws")}", ["LEAK_ON_INSTANCE"] = "b" });

        exitCode.Should().NotBe(0, output);
        output.Split('\n').Should().ContainSingle(line => line.Contains("still open", StringComparison.Ordinal), output)
            .Which.Should().EndWith(
                "LeakProbe: The run failed. 1 WebSocket connection was still open on instance \"b\" 3s after the last scenario; a scenario or hook left it open.");
    }
}
