using System.Diagnostics;
using System.Reflection;
using FluentAssertions;
using Xunit;

namespace BddWs.Tests.Hooks;

/// <summary>
/// The after-run leak check, as a user meets it: tests/LeakProbe is a one-scenario suite on the
/// real server hooks whose scenario leaves a connection open, run with a plain <c>dotnet test</c>.
/// </summary>
public sealed class LeakCheckTests
{
    private const string Sentence =
        "The run failed. 1 WebSocket connection was still open on the server 3s after the last scenario; a scenario or hook left it open.";

    [Fact]
    public async Task A_connection_left_open_fails_the_run_with_one_line_saying_so_at_default_verbosity()
    {
        var (exitCode, output) = await DotnetTestAsync(ProbePath());

        exitCode.Should().NotBe(0, output);
        output.Split('\n').Should().ContainSingle(line => line.Contains(Sentence, StringComparison.Ordinal), output)
            .Which.Should().EndWith("LeakProbe: " + Sentence);
    }

    private static string ProbePath() => typeof(LeakCheckTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "LeakProbe").Value!;

    private static async Task<(int ExitCode, string Output)> DotnetTestAsync(string probe)
    {
        var start = new ProcessStartInfo("dotnet", ["test", Path.GetFullPath(probe)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(probe))!,
        };
        // The probe must test its own embedded server, whatever this run was pointed at.
        start.Environment.Remove("BDDWS_SERVER_URL");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The leak probe did not finish within 3 minutes.");
        }

        return (process.ExitCode, (await stdout + await stderr).ReplaceLineEndings("\n"));
    }
}
