using System.Diagnostics;
using BddWs.Cli.Suites;

namespace BddWs.Cli.Running;

/// <summary>
/// One run of the suite's test executable, writing to this console. A standby run (the watch loop's
/// next) gets ready and waits for <see cref="Go"/> on its standard input, an ordinary pipe owned by
/// this process: it never blocks the loop, and closes when the loop ends, which ends the standby too.
/// </summary>
public sealed class SuiteProcess : IDisposable
{
    /// <summary>The suite's own variable (BddWs.Bridge.Standby): the file it creates once ready.</summary>
    public const string StandbyVariable = "BDDWS_STANDBY";

    private readonly Process _process;

    private SuiteProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public static SuiteProcess Start(
        BuildRecord suite,
        LoopFolder loop,
        IReadOnlyList<string> arguments,
        string? standbyReadyFile = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(loop.Executable(suite.AssemblyName))
        {
            WorkingDirectory = suite.Root,
            RedirectStandardInput = standbyReadyFile is not null,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Reqnroll's usage telemetry (an HTTP call as each run starts) costs the loop about 0.2 s; it is
        // sent only when asked for here. dotnet test leaves Reqnroll's own default alone.
        if (Environment.GetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED") is null)
        {
            start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        }

        if (standbyReadyFile is not null)
        {
            start.Environment[StandbyVariable] = standbyReadyFile;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new SuiteProcess(Process.Start(start)!);
    }

    /// <summary>
    /// Waits until a standby run is ready (it created <paramref name="readyFile"/>) or has stopped, so that
    /// what it writes as it starts comes before the loop's own line.
    /// </summary>
    public async Task WaitUntilReadyAsync(string readyFile, CancellationToken cancel)
    {
        var exited = _process.WaitForExitAsync(cancel);
        while (!File.Exists(readyFile) && !exited.IsCompleted)
        {
            await Task.WhenAny(exited, Task.Delay(20, cancel));
        }

        cancel.ThrowIfCancellationRequested();
    }

    /// <summary>Tells a standby run to run now.</summary>
    public void Go()
    {
        try
        {
            _process.StandardInput.WriteLine("go");
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It ended already; WaitAsync says how.
        }
    }

    /// <summary>Waits for the run's end; its exit code is the run's result.</summary>
    public async Task<int> WaitAsync(CancellationToken cancel)
    {
        await _process.WaitForExitAsync(cancel);
        return _process.ExitCode;
    }

    /// <summary>Ends the run and whatever it started, and waits until they are gone.</summary>
    public void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}
