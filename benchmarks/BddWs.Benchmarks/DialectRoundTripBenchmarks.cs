using BenchmarkDotNet.Attributes;
using BddWs.Driver;
using BddWs.Driver.Hubs;

namespace BddWs.Benchmarks;

/// <summary>
/// A dialect's record against a plain message where a scenario meets them: a round trip, the same JSON
/// text sent and awaited as "the next message" over connections to the minimal echo's <c>/mirror</c>
/// (in a process of its own), once plain and once as a SignalR hub record (framed with the record
/// separator, split again on return, checked for plumbing). As <see cref="ClientOverheadBenchmarks"/>,
/// an iteration goes through <see cref="Connections"/> connections opened beforehand.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DialectRoundTripBenchmarks
{
    private const int RoundTripsPerConnection = 100;
    private const int Connections = 10;
    private const int RoundTrips = RoundTripsPerConnection * Connections;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly WebSocketMessage _record = WebSocketMessage.FromText("""{"type":1,"target":"ReceiveMessage","arguments":["Alice","Hello, WebSocket!"]}""");
    private ServerProcess _server = null!;
    private Uri _mirror = null!;
    private WebSocketSession[] _sessions = [];

    [GlobalSetup]
    public async Task StartServer()
    {
        _server = await ServerProcess.MinimalAsync();
        _mirror = new Uri(_server.EchoUrl, "/mirror");
    }

    [GlobalCleanup]
    public async Task StopServer() => await _server.DisposeAsync();

    [IterationSetup(Target = nameof(PlainRoundTrip))]
    public void OpenPlain() => Open(new ConnectionOptions());

    [IterationSetup(Target = nameof(HubRecordRoundTrip))]
    public void OpenHub() => Open(new ConnectionOptions { Dialect = HubDialect.Instance });

    [IterationCleanup]
    public void Close()
    {
        foreach (var session in _sessions)
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public Task PlainRoundTrip() => RoundTripsAsync();

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public Task HubRecordRoundTrip() => RoundTripsAsync();

    private void Open(ConnectionOptions options)
    {
        _sessions = [.. Enumerable.Range(0, Connections).Select(_ => new WebSocketSession("", _mirror, options))];
        foreach (var session in _sessions)
        {
            session.ConnectAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>Send, then wait for the next message as a "Then the next message …" step does.</summary>
    private async Task RoundTripsAsync()
    {
        foreach (var session in _sessions)
        {
            for (var i = 0; i < RoundTripsPerConnection; i++)
            {
                await session.SendAsync(_record);
                var outcome = await session.WaitForNextAsync(MessageCheck.Any, Patience);
                if (outcome.Verdict != Verdict.Met)
                {
                    throw new InvalidOperationException("The echo did not come back.");
                }
            }
        }
    }
}
