using System.Globalization;
using BddWs.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// The figures of docs/benchmarks.md; tools/benchmarks.sh runs them all. Each command prints a table.
//   client                      the scenario's connection against a bare ClientWebSocket (BenchmarkDotNet)
//   client-turns [turns]        the same clients taking turns, for ratios that hold on a busy machine
//   servers [seconds] [turns]   bundled server against a minimal Kestrel echo (and aiohttp), 1 to 1,000 connections
//   features <folder> scale <n> | parallel   writes the generated features the suite benchmarks run
//   echo-server <delay ms>      the minimal echo, for the commands above
var command = args.FirstOrDefault() ?? "";
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
switch (command)
{
    case "client":
        // In-process: no separate build per benchmark on a machine where builds take minutes.
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(60);
        BenchmarkRunner.Run<ClientOverheadBenchmarks>(DefaultConfig.Instance.AddJob(job)
            .WithArtifactsPath(Path.Combine(root, "artifacts", "benchmarkdotnet")));
        return 0;
    case "client-turns":
        await ClientTurns.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40);
        return 0;
    case "servers":
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var turns = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        await ServerThroughput.RunAsync(root, [1, 10, 100, 1000], turns, TimeSpan.FromSeconds(seconds));
        return 0;
    case "features" when args.Length >= 3:
        GeneratedFeatures.Write(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        return 0;
    case "echo-server":
        await MinimalEchoServer.RunAsync(TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0));
        return 0;
    default:
        Console.Error.WriteLine("Usage: BddWs.Benchmarks client | client-turns [turns] | servers [seconds] [turns] | features <folder> scale <n> | features <folder> parallel | echo-server <delay ms>");
        return 2;
}
