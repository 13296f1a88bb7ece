using System.Globalization;
using BddWs.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// The figures of docs/benchmarks.md; tools/benchmarks.sh runs them all. Each command prints a table.
//   client                      the scenario's connection against a bare ClientWebSocket (BenchmarkDotNet)
//   client-turns [turns]        the same clients taking turns, for ratios that hold on a busy machine
//   dialect                     a dialect's record (a hub record) against a plain message, received and recorded (BenchmarkDotNet)
//   servers [seconds] [turns] [server|workstation|asbuilt] [older BddWs.Server.dll]
//                               bundled server against a minimal Kestrel echo (and aiohttp), 1 to 1,000
//                               connections, both with the same GC (server GC unless told), and an older build
//   features <folder> scale <n> | shards <n> | parallel   writes the generated features the suite benchmarks run
//   echo-server <delay ms>      the minimal echo, for the commands above
//   load <ws url> <connections> <seconds>   one closed-loop load against a running server (to profile it)
//   record [seconds] [turns]    the bundled server straight, through YARP, and through `bddws record`'s recording proxy
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
    case "dialect":
        var dialectJob = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(10).WithIterationCount(100);
        BenchmarkRunner.Run([typeof(DialectRecordBenchmarks), typeof(DialectRoundTripBenchmarks)], DefaultConfig.Instance.AddJob(dialectJob)
            .WithArtifactsPath(Path.Combine(root, "artifacts", "benchmarkdotnet")));
        return 0;
    case "client-turns":
        await ClientTurns.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40);
        return 0;
    case "servers":
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var turns = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var gc = GarbageCollectorMode.Server;
        if (args.Length > 3 && !Enum.TryParse(args[3], ignoreCase: true, out gc))
        {
            Console.Error.WriteLine($"The garbage collector is server, workstation or asbuilt, not \"{args[3]}\".");
            return 2;
        }

        var before = args.Length > 4 ? Path.GetFullPath(args[4]) : null;
        if (before is not null && !File.Exists(before))
        {
            Console.Error.WriteLine($"There is no older server to compare with at {before}.");
            return 2;
        }

        await ServerThroughput.RunAsync(root, [1, 10, 100, 1000], turns, TimeSpan.FromSeconds(seconds), gc, before);
        return 0;
    case "record":
        await ProxyCost.RunAsync(
            TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2),
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
        return 0;
    case "features" when args.Length >= 3:
        GeneratedFeatures.Write(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        return 0;
    case "echo-server":
        await MinimalEchoServer.RunAsync(TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0));
        return 0;
    case "load" when args.Length == 4 && Uri.TryCreate(args[1], UriKind.Absolute, out var echoUrl):
        var load = await EchoLoad.RunAsync(echoUrl, () => TimeSpan.Zero, int.Parse(args[2], CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{load.PerSecond:0} round trips/s, p50 {load.P50Ms:0.00} ms, p99 {load.P99Ms:0.00} ms, generator CPU {load.GeneratorCpuShare:P0}"));
        return 0;
    default:
        Console.Error.WriteLine("Usage: BddWs.Benchmarks client | dialect | client-turns [turns] | servers [seconds] [turns] [server|workstation|asbuilt] [older BddWs.Server.dll] | features <folder> scale <n> | features <folder> shards <n> | features <folder> parallel | echo-server <delay ms> | load <ws url> <connections> <seconds>");
        return 2;
}
