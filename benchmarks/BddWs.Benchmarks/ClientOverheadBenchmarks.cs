using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using BddWs.Driver;
using Websocket.Client;

namespace BddWs.Benchmarks;

/// <summary>
/// What the scenario's connection costs over a bare <see cref="ClientWebSocket"/>: the same echo
/// round trips to the same bundled server (in a process of its own, so its allocations are not
/// counted), each connection opened fresh for every 100 round trips; and Websocket.Client, the
/// library under the driver, alone.
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    private const int RoundTrips = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly byte[] _buffer = new byte[4096];
    private readonly byte[] _hello = "Hello, WebSocket!"u8.ToArray();
    private readonly WebSocketMessage _helloMessage = WebSocketMessage.FromText("Hello, WebSocket!");
    private ServerProcess _server = null!;
    private ClientWebSocket _bare = null!;
    private WebSocketSession _session = null!;
    private WebsocketClient _library = null!;
    private readonly SemaphoreSlim _libraryReceived = new(0);

    [GlobalSetup]
    public async Task StartServer() => _server = await ServerProcess.BundledAsync();

    [GlobalCleanup]
    public async Task StopServer() => await _server.DisposeAsync();

    [IterationSetup(Target = nameof(BareClientWebSocket))]
    public void OpenBare()
    {
        _bare = new ClientWebSocket();
        _bare.ConnectAsync(_server.EchoUrl, CancellationToken.None).GetAwaiter().GetResult();
    }

    [IterationCleanup(Target = nameof(BareClientWebSocket))]
    public void CloseBare()
    {
        _bare.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).GetAwaiter().GetResult();
        _bare.Dispose();
    }

    [IterationSetup(Target = nameof(ScenarioSession))]
    public void OpenSession()
    {
        _session = new WebSocketSession("", _server.EchoUrl, new ConnectionOptions());
        _session.ConnectAsync().GetAwaiter().GetResult();
    }

    [IterationCleanup(Target = nameof(ScenarioSession))]
    public void CloseSession() => _session.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(WebsocketClientAlone))]
    public void OpenLibrary()
    {
        _library = new WebsocketClient(_server.EchoUrl) { IsReconnectionEnabled = false, ReconnectTimeout = null, ErrorReconnectTimeout = null };
        _library.MessageReceived.Subscribe(_ => _libraryReceived.Release());
        _library.StartOrFail().GetAwaiter().GetResult();
    }

    [IterationCleanup(Target = nameof(WebsocketClientAlone))]
    public void CloseLibrary()
    {
        _library.Stop(WebSocketCloseStatus.NormalClosure, "").GetAwaiter().GetResult();
        _library.Dispose();
    }

    /// <summary>Send, then read the reply to its end.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public async Task BareClientWebSocket()
    {
        for (var i = 0; i < RoundTrips; i++)
        {
            await _bare.SendAsync(_hello, WebSocketMessageType.Text, true, CancellationToken.None);
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _bare.ReceiveAsync(_buffer.AsMemory(), CancellationToken.None);
            }
            while (!result.EndOfMessage);
        }
    }

    /// <summary>The library the driver is built on, without the driver: where the overhead comes from.</summary>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task WebsocketClientAlone()
    {
        for (var i = 0; i < RoundTrips; i++)
        {
            await _library.SendInstant("Hello, WebSocket!");
            await _libraryReceived.WaitAsync();
        }
    }

    /// <summary>Send, then wait for the next message as a "Then the next message …" step does.</summary>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task ScenarioSession()
    {
        for (var i = 0; i < RoundTrips; i++)
        {
            await _session.SendAsync(_helloMessage);
            var outcome = await _session.WaitForNextAsync(MessageCheck.Any, Patience);
            if (outcome.Verdict != Verdict.Met)
            {
                throw new InvalidOperationException("The echo did not come back.");
            }
        }
    }
}
