using BenchmarkDotNet.Attributes;
using BddWs.Driver;
using BddWs.Driver.Hubs;
using BddWs.Driver.Json;
using Websocket.Client;

namespace BddWs.Benchmarks;

/// <summary>
/// What a dialect adds to each message a connection receives: the same JSON text, received by the
/// session and recorded, then counted among the messages not ignored (what every wait judges), once as a
/// plain message and once as a SignalR hub record (split on the record separator, recorded as the
/// dialect's, checked for plumbing, which reads it as JSON). A plain message read as JSON once, as a JSON
/// step reads it, is the third row: the hub's plumbing check pays that reading, and a JSON step on the
/// record reuses it. No network: the session's own receiving code is fed the frames the library would hand it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DialectRecordBenchmarks
{
    public const int Messages = 1000;

    private const string Record = """{"type":1,"target":"ReceiveMessage","arguments":["Alice","Hello, WebSocket!"]}""";

    private static readonly Uri Nowhere = new("ws://127.0.0.1:9/");

    private WebSocketSession _session = null!;

    [IterationSetup(Targets = [nameof(PlainMessage), nameof(PlainMessageReadAsJson)])]
    public void PlainSession() => _session = new WebSocketSession("", Nowhere, new ConnectionOptions());

    [IterationSetup(Target = nameof(HubRecord))]
    public void HubSession() => _session = new WebSocketSession("", Nowhere, new ConnectionOptions { Dialect = HubDialect.Instance });

    [IterationCleanup]
    public void Dispose() => _session.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Received, recorded, counted.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public int PlainMessage() => Receive(Record, readAsJson: false);

    /// <summary>Received, recorded, read as JSON once, counted.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public int PlainMessageReadAsJson() => Receive(Record, readAsJson: true);

    /// <summary>Split, recorded as the hub's, checked for plumbing, counted.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public int HubRecord() => Receive(HubFraming.Frame(Record), readAsJson: false);

    private int Receive(string frame, bool readAsJson)
    {
        var counted = 0;
        for (var i = 0; i < Messages; i++)
        {
            _session.OnMessage(ResponseMessage.TextMessage(frame));
            var visible = _session.Ignored.Visible(_session.Log.Snapshot());
            if (readAsJson)
            {
                ParsedMessages.TryGet(((MessageEvent)visible[^1]).Message, out _);
            }

            counted = visible.Count;
        }

        return counted == Messages ? counted : throw new InvalidOperationException($"{counted} messages counted, not {Messages}.");
    }
}
