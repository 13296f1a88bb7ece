using System.Diagnostics;
using System.Reflection;
using FluentAssertions;
using BddWs.Bridge.Tests.Helpers;
using Xunit;

namespace BddWs.Bridge.Tests;

/// <summary>
/// The watch loop's next run, as the loop drives it (the probe suite as a process): with BDDWS_STANDBY it
/// gets ready, says so with the file, and runs only on a line on its standard input; input closed instead,
/// it ends without running anything.
/// </summary>
[Collection(ProbeFolderCollection.Name)]
public sealed class StandbyTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("bddws-standby-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Told_to_go_it_runs()
    {
        var (process, output) = await StandByAsync();

        await process.StandardInput.WriteLineAsync("go");
        process.StandardInput.Close();

        // It runs (the probe's malformed feature fails every run of it, filtered or not).
        await EndAsync(process);
        (await output).Should().Contain("[PASS]").And.Contain("=== TEST EXECUTION SUMMARY ===");
    }

    [Fact]
    public async Task Its_input_closed_it_ends_without_running()
    {
        var (process, output) = await StandByAsync();

        process.StandardInput.Close();

        (await EndAsync(process)).Should().Be(0);
        (await output).Should().NotContain("TEST EXECUTION SUMMARY");
    }

    private async Task<(Process Process, Task<string> Output)> StandByAsync()
    {
        var probe = typeof(StandbyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BridgeProbe").Value!;
        var ready = Path.Combine(_work.FullName, "ready");
        var start = new ProcessStartInfo("dotnet", [probe, "-trait", "Category=passing"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(probe)!,
        };
        start.Environment["BDDWS_STANDBY"] = ready;
        start.Environment["BRIDGE_PROBE_LOG"] = Path.Combine(_work.FullName, "hooks.log");
        start.Environment["REQNROLL_FORMATTERS"] = """{"formatters":{}}""";
        var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Deadline);
        using var watcher = new FileSystemWatcher(_work.FullName, "ready") { EnableRaisingEvents = true };
        var created = new TaskCompletionSource();
        watcher.Created += (_, _) => created.TrySetResult();
        if (!File.Exists(ready))
        {
            await Task.WhenAny(created.Task, process.WaitForExitAsync(deadline.Token)).WaitAsync(deadline.Token);
        }

        File.Exists(ready).Should().BeTrue("the standby creates its ready file before it waits");
        process.HasExited.Should().BeFalse("a standby run waits for the word to run");
        return (process, output);
    }

    private static async Task<int> EndAsync(Process process)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Deadline);
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }
}
