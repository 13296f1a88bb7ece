using System.Globalization;

namespace BddWs.Benchmarks;

/// <summary>
/// The bundled server against the minimal Kestrel echo (and the seed's aiohttp server where it can
/// run), at each number of connections, measured in turns in one run so that the machine's load
/// falls on all of them alike. Prints the medians of the turns, and each server's ratio to the
/// minimal echo.
/// </summary>
public static class ServerThroughput
{
    /// <param name="gc">The garbage collector of both .NET servers: the same for both, or the comparison is not fair.</param>
    /// <param name="beforeServer">An older build's <c>BddWs.Server.dll</c>, measured in the same turns, or null.</param>
    public static async Task RunAsync(string repositoryRoot, int[] levels, int turns, TimeSpan duration, GarbageCollectorMode gc, string? beforeServer)
    {
        var servers = new List<ServerProcess> { await ServerProcess.BundledAsync(gc), await ServerProcess.MinimalAsync(gc: gc) };
        if (beforeServer is not null)
        {
            servers.Add(await ServerProcess.BundledAsync(gc, beforeServer, "bundled server, before"));
        }

        if (await ServerProcess.AiohttpAsync(repositoryRoot) is { } aiohttp)
        {
            servers.Add(aiohttp);
        }
        else
        {
            Console.WriteLine("(aiohttp is not installed: apt-get install python3-aiohttp to compare with it)");
        }

        try
        {
            Console.WriteLine($"Echo round trips, closed loop, {duration.TotalSeconds:0.#} s per turn, {turns} turns, medians (the ratio: of each turn's ratio, lowest-highest beside it); {Environment.ProcessorCount} cores; {gc} GC; load average {LoadAverage()}.");
            Console.WriteLine("| connections | server | round trips/s | ratio to minimal | ratio, turns | p50 ms | p99 ms | generator CPU | server CPU | server CPU µs per round trip |");
            Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var connections in levels)
            {
                var results = servers.ToDictionary(s => s, _ => new List<EchoLoad.Result>());
                for (var turn = 0; turn < turns; turn++)
                {
                    // A different server first in each turn, so none always meets a machine just warmed by another.
                    foreach (var server in servers.Skip(turn % servers.Count).Concat(servers.Take(turn % servers.Count)))
                    {
                        results[server].Add(await EchoLoad.RunAsync(server, connections, TimeSpan.FromSeconds(0.5), duration));
                    }
                }

                var baseline = results[servers[1]];
                foreach (var server in servers)
                {
                    var r = results[server];
                    var perSecond = Median(r, x => x.PerSecond);

                    // Each turn against the minimal echo's in the same turn, measured moments apart: the
                    // other builds on the machine come and go in seconds, and weigh on both alike.
                    var ratios = r.Select((x, turn) => x.PerSecond / baseline[turn].PerSecond).Order().ToArray();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {connections} | {server.Name} | {perSecond:0} | {ratios[ratios.Length / 2]:0.00} | {ratios[0]:0.00}-{ratios[^1]:0.00} | {Median(r, x => x.P50Ms):0.00} | {Median(r, x => x.P99Ms):0.00} | {Median(r, x => x.GeneratorCpuShare):P0} | {Median(r, x => x.ServerCpuShare):P0} | {Median(r, x => x.ServerCpuShare * Environment.ProcessorCount * 1e6 / x.PerSecond):0.0} |"));
                }
            }
        }
        finally
        {
            Console.WriteLine($"Load average at the end: {LoadAverage()}.");
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    // The machine's load (1, 5 and 15 minutes), where Linux tells it: the figures mean little without it.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Median(List<EchoLoad.Result> results, Func<EchoLoad.Result, double> value)
    {
        var sorted = results.Select(value).Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
