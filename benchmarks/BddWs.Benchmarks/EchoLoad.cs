using System.Diagnostics;
using System.Net.WebSockets;

namespace BddWs.Benchmarks;

/// <summary>
/// A closed-loop load: each connection sends a message, waits for its echo, and sends the next,
/// for a fixed time. Gives round trips per second, their latency, and the CPU the generator itself
/// used (to show it is not what limits the figure).
/// </summary>
public static class EchoLoad
{
    public sealed record Result(int Connections, double PerSecond, double P50Ms, double P99Ms, double GeneratorCpuShare, double ServerCpuShare);

    public static Task<Result> RunAsync(ServerProcess server, int connections, TimeSpan warmUp, TimeSpan duration) =>
        RunAsync(server.EchoUrl, () => server.CpuTime, connections, warmUp, duration);

    /// <summary>The same against any echo URL; <paramref name="serverCpu"/> reads the server's CPU time so far (zero when unknown).</summary>
    public static async Task<Result> RunAsync(Uri echoUrl, Func<TimeSpan> serverCpu, int connections, TimeSpan warmUp, TimeSpan duration)
    {
        var sockets = await ConnectAsync(echoUrl, connections);
        try
        {
            await LoopAsync(sockets, warmUp, record: false);
            var me = Process.GetCurrentProcess();
            var cpuBefore = me.TotalProcessorTime;
            var serverBefore = serverCpu();
            var clock = Stopwatch.StartNew();
            var latencies = await LoopAsync(sockets, duration, record: true);
            var elapsed = clock.Elapsed;
            me.Refresh();
            var cores = Environment.ProcessorCount;
            var all = latencies.SelectMany(l => l).Order().ToArray();
            return new Result(
                connections,
                all.Length / elapsed.TotalSeconds,
                Percentile(all, 0.50),
                Percentile(all, 0.99),
                (me.TotalProcessorTime - cpuBefore) / (elapsed * cores),
                (serverCpu() - serverBefore) / (elapsed * cores));
        }
        finally
        {
            await Task.WhenAll(sockets.Select(CloseAsync));
        }
    }

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * share))];

    private static async Task<ClientWebSocket[]> ConnectAsync(Uri url, int connections)
    {
        var sockets = new ClientWebSocket[connections];
        // Fifty handshakes at a time: a thousand at once would measure the accept queue, not the echo.
        using var gate = new SemaphoreSlim(50);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                sockets[i] = new ClientWebSocket();
                await sockets[i].ConnectAsync(url, CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }));
        return sockets;
    }

    private static async Task<List<double>[]> LoopAsync(ClientWebSocket[] sockets, TimeSpan duration, bool record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return await Task.WhenAll(sockets.Select(socket => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var message = "Hello, WebSocket!"u8.ToArray();
            var buffer = new byte[4096];
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                await socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                }
                while (!result.EndOfMessage);

                if (record)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            return latencies;
        })));
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", deadline.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
        finally
        {
            socket.Dispose();
        }
    }
}
