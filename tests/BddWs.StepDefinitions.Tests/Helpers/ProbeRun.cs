using System.Diagnostics;
using System.Reflection;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Helpers;

/// <summary>
/// Runs one of the probe suites (tests/LeakProbe, tests/ContractProbe) with a plain
/// <c>dotnet test</c> against a given server, as a user runs a suite, and returns what it printed.
/// </summary>
public static class ProbeRun
{
    /// <summary>The built probe this test project names in its assembly metadata (<c>LeakProbe</c>).</summary>
    public static string PathOf(string probe) => typeof(ProbeRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == probe).Value!;

    /// <summary>Runs the probe; with no <paramref name="server"/>, with no <c>BDDWS_SERVER_URL</c> at all.</summary>
    public static async Task<(int ExitCode, string Output)> DotnetTestAsync(string probe, Uri? server,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", ["test", Path.GetFullPath(probe)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(probe))!,
        };
        if (server is null)
        {
            start.Environment.Remove("BDDWS_SERVER_URL");
        }
        else
        {
            start.Environment["BDDWS_SERVER_URL"] = server.ToString();
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

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
            throw new TimeoutException($"The probe {Path.GetFileNameWithoutExtension(probe)} did not finish within 3 minutes.");
        }

        return (process.ExitCode, (await stdout + await stderr).ReplaceLineEndings("\n"));
    }
}
