using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using BddWs.Driver;
using Websocket.Client;

namespace BddWs.Benchmarks;

/// <summary>
/// What the scenario's connection costs over a bare <see cref="ClientWebSocket"/>: the same echo
/// round trips to the same bundled server (in a process of its own, so its allocations are not
/// counted), 100 on each connection, as a long scenario makes; and Websocket.Client, the library
/// under the driver, alone. An iteration goes through <see cref="Connections"/> connections opened
/// beforehand, so that it lasts long enough (tens of milliseconds) for the timer and the machine's
/// other work to blur it less.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ClientOverheadBenchmarks
{
    private const int RoundTripsPerConnection = 100;
    private const int Connections = 10;
    public const int RoundTrips = RoundTripsPerConnection * Connections;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly byte[] _buffer = new byte[4096];
    private readonly byte[] _hello = "Hello, WebSocket!"u8.ToArray();
    private readonly WebSocketMessage _helloMessage = WebSocketMessage.FromText("Hello, WebSocket!");
    private ServerProcess _server = null!;
    private ClientWebSocket[] _bare = [];
    private WebSocketSession[] _sessions = [];
    private WebsocketClient[] _libraries = [];
    private readonly SemaphoreSlim _libraryReceived = new(0);

    [GlobalSetup]
    public async Task StartServer() => _server = await ServerProcess.BundledAsync();

    [GlobalCleanup]
    public async Task StopServer() => await _server.DisposeAsync();

    [IterationSetup(Target = nameof(BareClientWebSocket))]
    public void OpenBare()
    {
        _bare = [.. Enumerable.Range(0, Connections).Select(_ => new ClientWebSocket())];
        foreach (var bare in _bare)
        {
            bare.ConnectAsync(_server.EchoUrl, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    [IterationCleanup(Target = nameof(BareClientWebSocket))]
    public void CloseBare()
    {
        foreach (var bare in _bare)
        {
            bare.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).GetAwaiter().GetResult();
            bare.Dispose();
        }
    }

    [IterationSetup(Target = nameof(ScenarioSession))]
    public void OpenSession()
    {
        _sessions = [.. Enumerable.Range(0, Connections).Select(_ => new WebSocketSession("", _server.EchoUrl, new ConnectionOptions()))];
        foreach (var session in _sessions)
        {
            session.ConnectAsync().GetAwaiter().GetResult();
        }
    }

    [IterationCleanup(Target = nameof(ScenarioSession))]
    public void CloseSession()
    {
        foreach (var session in _sessions)
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [IterationSetup(Target = nameof(WebsocketClientAlone))]
    public void OpenLibrary()
    {
        _libraries = [.. Enumerable.Range(0, Connections).Select(_ => new WebsocketClient(_server.EchoUrl) { IsReconnectionEnabled = false, ReconnectTimeout = null, ErrorReconnectTimeout = null })];
        foreach (var library in _libraries)
        {
            library.MessageReceived.Subscribe(_ => _libraryReceived.Release());
            library.StartOrFail().GetAwaiter().GetResult();
        }
    }

    [IterationCleanup(Target = nameof(WebsocketClientAlone))]
    public void CloseLibrary()
    {
        foreach (var library in _libraries)
        {
            library.Stop(WebSocketCloseStatus.NormalClosure, "").GetAwaiter().GetResult();
            library.Dispose();
        }
    }

    /// <summary>Send, then read the reply to its end.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public async Task BareClientWebSocket()
    {
        foreach (var bare in _bare)
        {
            for (var i = 0; i < RoundTripsPerConnection; i++)
            {
                await bare.SendAsync(_hello, WebSocketMessageType.Text, true, CancellationToken.None);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await bare.ReceiveAsync(_buffer.AsMemory(), CancellationToken.None);
                }
                while (!result.EndOfMessage);
            }
        }
    }

    /// <summary>The library the driver is built on, without the driver: where the overhead comes from.</summary>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task WebsocketClientAlone()
    {
        foreach (var library in _libraries)
        {
            for (var i = 0; i < RoundTripsPerConnection; i++)
            {
                await library.SendInstant("Hello, WebSocket!");
                await _libraryReceived.WaitAsync();
            }
        }
    }

    /// <summary>Send, then wait for the next message as a "Then the next message …" step does.</summary>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task ScenarioSession()
    {
        foreach (var session in _sessions)
        {
            for (var i = 0; i < RoundTripsPerConnection; i++)
            {
                await session.SendAsync(_helloMessage);
                var outcome = await session.WaitForNextAsync(MessageCheck.Any, Patience);
                if (outcome.Verdict != Verdict.Met)
                {
                    throw new InvalidOperationException("The echo did not come back.");
                }
            }
        }
    }
}
