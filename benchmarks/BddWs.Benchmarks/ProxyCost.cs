using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using BddWs.Cli.Recording.Proxy;

namespace BddWs.Benchmarks;

/// <summary>
/// What <c>bddws record</c> costs the traffic it records: WebSocket echo round trips (64-byte text
/// messages on the bundled server's /ws) and HTTP requests (GET /health), straight to the server, through
/// YARP without recording (the same proxy, its recording left out), and through the recording proxy, in
/// turns within one run. Latency: one client, one request at a time (p50, p99); throughput: 16 clients at
/// once. Prints a markdown table.
/// </summary>
public static class ProxyCost
{
    private const int Clients = 16;
    private static readonly byte[] Message = new byte[64];

    public static async Task RunAsync(TimeSpan slice, int turns)
    {
        "echo me please, every byte of these sixty-four, through the proxy"u8[..64].CopyTo(Message);
        await using var server = await ServerProcess.BundledAsync();
        var target = new Uri(server.EchoUrl.GetLeftPart(UriPartial.Authority).Replace("ws://", "http://", StringComparison.Ordinal));
        var loopback = new IPEndPoint(IPAddress.Loopback, 0);
        await using var forwarding = await RecordingProxy.StartAsync(target, loopback, _ => { }, record: false);
        await using var recording = await RecordingProxy.StartAsync(target, loopback, _ => { }, record: true);
        (string Name, Uri Url)[] routes =
        [
            ("straight to the server", target),
            ("through YARP, not recording", forwarding.Address),
            ("through the recording proxy", recording.Address),
        ];
        var results = routes.ToDictionary(r => r.Name, _ => new Figures());
        for (var turn = -1; turn < turns; turn++)
        {
            // A different route first in each turn; the first turn warms up and is not counted.
            var offset = Math.Abs(turn) % routes.Length;
            foreach (var (name, url) in routes.Skip(offset).Concat(routes.Take(offset)))
            {
                var figures = turn < 0 ? new Figures() : results[name];
                await SocketLatencyAsync(url, slice, figures.SocketTimes);
                figures.SocketRates.Add(await SocketThroughputAsync(url, slice));
                await HttpLatencyAsync(url, slice, figures.HttpTimes);
                figures.HttpRates.Add(await HttpThroughputAsync(url, slice));
            }
        }

        Console.WriteLine($"| {turns} turns of {slice.TotalSeconds:0.#} s each | WebSocket round trip p50 | p99 | messages/s ({Clients} connections) | HTTP request p50 | p99 | requests/s ({Clients} clients) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, _) in routes)
        {
            var f = results[name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Percentile(f.SocketTimes, 0.5):0.000} ms | {Percentile(f.SocketTimes, 0.99):0.000} ms | {Median(f.SocketRates):#,0} | {Percentile(f.HttpTimes, 0.5):0.000} ms | {Percentile(f.HttpTimes, 0.99):0.000} ms | {Median(f.HttpRates):#,0} |"));
        }
    }

    private static Uri SocketUrl(Uri route) => new UriBuilder(new Uri(route, "/ws")) { Scheme = "ws" }.Uri;

    private static async Task<ClientWebSocket> ConnectAsync(Uri route)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(SocketUrl(route), CancellationToken.None);
        return socket;
    }

    private static async Task RoundTripAsync(WebSocket socket, byte[] buffer)
    {
        await socket.SendAsync(Message, WebSocketMessageType.Text, true, CancellationToken.None);
        ValueWebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
        }
        while (!received.EndOfMessage);
    }

    private static async Task SocketLatencyAsync(Uri route, TimeSpan slice, List<double> times)
    {
        using var socket = await ConnectAsync(route);
        var buffer = new byte[4096];
        var end = Stopwatch.GetTimestamp() + (long)(slice.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end)
        {
            var start = Stopwatch.GetTimestamp();
            await RoundTripAsync(socket, buffer);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static async Task<double> SocketThroughputAsync(Uri route, TimeSpan slice)
    {
        var sockets = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => ConnectAsync(route)));
        var end = Stopwatch.GetTimestamp() + (long)(slice.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(sockets.Select(async socket =>
        {
            var buffer = new byte[4096];
            var count = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                await RoundTripAsync(socket, buffer);
                count++;
            }

            return count;
        }));
        foreach (var socket in sockets)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            socket.Dispose();
        }

        return counts.Sum() / slice.TotalSeconds;
    }

    private static async Task HttpLatencyAsync(Uri route, TimeSpan slice, List<double> times)
    {
        using var client = new HttpClient { BaseAddress = route };
        var end = Stopwatch.GetTimestamp() + (long)(slice.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync("/health");
            await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    private static async Task<double> HttpThroughputAsync(Uri route, TimeSpan slice)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = route };
        var end = Stopwatch.GetTimestamp() + (long)(slice.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            var count = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                using var response = await client.GetAsync("/health");
                await response.Content.ReadAsByteArrayAsync();
                count++;
            }

            return count;
        }));
        return counts.Sum() / slice.TotalSeconds;
    }

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(share * sorted.Count))];
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private sealed class Figures
    {
        public List<double> SocketTimes { get; } = [];
        public List<double> SocketRates { get; } = [];
        public List<double> HttpTimes { get; } = [];
        public List<double> HttpRates { get; } = [];
    }
}
