using System.Diagnostics;
using System.Globalization;

namespace BddWs.Benchmarks;

/// <summary>
/// The round trips of <see cref="ClientOverheadBenchmarks"/>, the three clients taking turns a few
/// milliseconds apart, many turns over: on a machine whose load swings from second to second, a ratio
/// taken within one turn moves far less than one between BenchmarkDotNet's runs of a few seconds each.
/// Prints each client's median time per round trip and allocation per message, and the median of the
/// turns' ratios to the bare <c>ClientWebSocket</c>; also the client process's CPU time per round trip,
/// which other processes on the machine change less than the time it waits.
/// </summary>
public static class ClientTurns
{
    private sealed record Client(string Name, Action Open, Func<Task> RoundTrips, Action Close);

    public static async Task RunAsync(int turns)
    {
        var benchmarks = new ClientOverheadBenchmarks();
        await benchmarks.StartServer();
        try
        {
            Client[] clients =
            [
                new(nameof(ClientOverheadBenchmarks.BareClientWebSocket), benchmarks.OpenBare, benchmarks.BareClientWebSocket, benchmarks.CloseBare),
                new(nameof(ClientOverheadBenchmarks.WebsocketClientAlone), benchmarks.OpenLibrary, benchmarks.WebsocketClientAlone, benchmarks.CloseLibrary),
                new(nameof(ClientOverheadBenchmarks.ScenarioSession), benchmarks.OpenSession, benchmarks.ScenarioSession, benchmarks.CloseSession),
            ];
            var times = clients.ToDictionary(c => c, _ => new List<double>());
            var bytes = clients.ToDictionary(c => c, _ => new List<double>());
            var ratios = clients.ToDictionary(c => c, _ => new List<double>());
            var cpu = clients.ToDictionary(c => c, _ => new List<double>());
            using var process = Process.GetCurrentProcess();
            for (var turn = -3; turn < turns; turn++)
            {
                var thisTurn = new Dictionary<Client, double>();
                // A different client first in each turn, so none always follows the same one.
                var offset = Math.Abs(turn) % clients.Length;
                foreach (var client in clients.Skip(offset).Concat(clients.Take(offset)))
                {
                    client.Open();
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    await client.RoundTrips();
                    var elapsed = clock.Elapsed;
                    process.Refresh();
                    var cpuUsed = process.TotalProcessorTime - cpuBefore;
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                    client.Close();
                    if (turn >= 0)
                    {
                        // Turns below 0 warm up: compiled code, pooled buffers.
                        thisTurn[client] = elapsed.TotalMicroseconds / ClientOverheadBenchmarks.RoundTrips;
                        bytes[client].Add((double)allocated / ClientOverheadBenchmarks.RoundTrips);
                        cpu[client].Add(cpuUsed.TotalMicroseconds / ClientOverheadBenchmarks.RoundTrips);
                    }
                }

                foreach (var (client, time) in thisTurn)
                {
                    times[client].Add(time);
                    ratios[client].Add(time / thisTurn[clients[0]]);
                }
            }

            Console.WriteLine($"{turns} turns of {ClientOverheadBenchmarks.RoundTrips} round trips per client; medians, and the middle half of the turns.");
            Console.WriteLine("| client | µs per round trip | middle half µs | ratio to bare | middle half of ratios | CPU µs per round trip | CPU ratio | B per message |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var client in clients)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {client.Name} | {Quantile(times[client], 0.5):0.0} | {Quantile(times[client], 0.25):0.0}-{Quantile(times[client], 0.75):0.0} | " +
                    $"{Quantile(ratios[client], 0.5):0.00} | {Quantile(ratios[client], 0.25):0.00}-{Quantile(ratios[client], 0.75):0.00} | " +
                    $"{Quantile(cpu[client], 0.5):0.0} | {Quantile(cpu[client], 0.5) / Quantile(cpu[clients[0]], 0.5):0.00} | {Quantile(bytes[client], 0.5):0} |"));
            }
        }
        finally
        {
            await benchmarks.StopServer();
        }
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }
}
