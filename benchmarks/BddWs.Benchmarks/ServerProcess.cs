using System.Diagnostics;

namespace BddWs.Benchmarks;

/// <summary>
/// A server under measurement in a process of its own, so that its CPU and memory are not the
/// benchmark's: started, its URL read from its "Now listening on:" line, stopped on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(string name, Process process, Uri echoUrl)
    {
        Name = name;
        _process = process;
        EchoUrl = echoUrl;
    }

    public string Name { get; }

    /// <summary>The echo endpoint, <c>ws://127.0.0.1:port/ws</c>.</summary>
    public Uri EchoUrl { get; }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// The bundled server, exactly as <c>dotnet run --project server</c> runs it, or the one at
    /// <paramref name="serverDll"/> (an older build, to compare with), with the garbage collector <paramref name="gc"/> says.
    /// </summary>
    public static Task<ServerProcess> BundledAsync(GarbageCollectorMode gc = GarbageCollectorMode.AsBuilt, string? serverDll = null, string name = "bundled server") => StartAsync(name, "dotnet",
        [serverDll ?? Path.Combine(AppContext.BaseDirectory, "BddWs.Server.dll"), "--urls", "http://127.0.0.1:0",
         "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", "--Logging:LogLevel:Default=Warning",
         "--Limits:MaxConnections=5000"], gc);

    /// <summary>The hand-written Kestrel echo (<see cref="MinimalEchoServer"/>), replies held back <paramref name="delayMs"/>.</summary>
    public static Task<ServerProcess> MinimalAsync(int delayMs = 0, GarbageCollectorMode gc = GarbageCollectorMode.AsBuilt) => StartAsync(delayMs == 0 ? "minimal Kestrel echo" : $"echo delaying {delayMs} ms", "dotnet",
        [Path.Combine(AppContext.BaseDirectory, "BddWs.Benchmarks.dll"), "echo-server", delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture)], gc);

    /// <summary>The seed's server on Python aiohttp; null where Debian's python3-aiohttp is not installed.</summary>
    public static async Task<ServerProcess?> AiohttpAsync(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "tests", "echo-servers", "aiohttp_echo.py");
        var probe = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", "import aiohttp"]) { RedirectStandardError = true });
        if (probe is null || !File.Exists(script))
        {
            return null;
        }

        await probe.WaitForExitAsync();
        return probe.ExitCode == 0 ? await StartAsync("aiohttp (seed)", "/usr/bin/python3", [script, "0"]) : null;
    }

    private static async Task<ServerProcess> StartAsync(string name, string program, string[] arguments, GarbageCollectorMode gc = GarbageCollectorMode.AsBuilt)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (gc != GarbageCollectorMode.AsBuilt)
        {
            // Overrides what the project chose: the server's (Web SDK) asks for the server GC, the benchmarks' (console) for the workstation GC.
            info.Environment["DOTNET_gcServer"] = gc == GarbageCollectorMode.Server ? "1" : "0";
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start.");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.Contains("Now listening on: ", StringComparison.Ordinal))
            {
                var address = new Uri(line[(line.IndexOf("Now listening on: ", StringComparison.Ordinal) + 18)..].Trim());
                var echo = new UriBuilder(address) { Scheme = "ws", Path = "/ws" }.Uri;
                // Nobody reads the rest: discard it, so a chatty server never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                return new ServerProcess(name, process, echo);
            }
        }

        throw new InvalidOperationException($"{name} exited before saying where it listens.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
