using BddWs.StepDefinitions;
using BddWs.Driver;
using BddWs.Driver.Http;
using BddWs.Testing;
using FluentAssertions;

namespace BddWs.StepDefinitions.Tests.Helpers;

/// <summary>
/// The step definitions of one scenario, wired as Reqnroll wires them, against a scripted
/// server, with a short timeout so that failing waits end quickly. A test first waits, with
/// <see cref="Patience"/>, for what the wrong server does (<see cref="ReceivedAsync"/>,
/// <see cref="ClosedAsync"/>), then runs the step that must fail: the step then sees the same
/// events on a fast machine and a slow one, and its message does not depend on speed.
/// </summary>
public sealed class StepHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    public static readonly ConnectionName I = ConnectionName.Default;

    private readonly IAsyncDisposable _server;

    private readonly HttpTransport _transport;

    private readonly List<BundledServer> _instances = [];

    private StepHarness(IAsyncDisposable server, Uri url, OpenCount serverOpenConnections, ScenarioConnections connections, SuiteSettings settings, ServerUnderTest underTest,
        ServiceInstances? instances = null)
    {
        _server = server;
        Url = url;
        ServerOpenConnections = serverOpenConnections;
        Connections = connections;
        _transport = new HttpTransport(settings);
        Hubs = new BddWs.Driver.Hubs.ScenarioHubs(connections, _transport, settings);
        Connecting = new ConnectingSteps(connections, settings);
        Sending = new SendingSteps(connections);
        Receiving = new ReceivingSteps(connections, settings);
        Json = new JsonSteps(connections, Values, settings);
        Binary = new BinarySteps(connections, settings);
        Closing = new ClosingSteps(connections, settings);
        Noise = new NoiseSteps(connections, settings);
        Counting = new CountingSteps(connections, settings);
        Remembering = new RememberingSteps(connections, Values, settings);
        Payload = new PayloadSteps(connections, Files, Values);
        Http = new ScenarioHttp(_transport, underTest, settings, instances ?? new ServiceInstances(settings));
        HttpSteps = new HttpSteps(Http, Values, Files);
        HttpRequest = new HttpRequestSteps(Http, Files, Values);
        Comparing = new ComparingSteps(Values);
        JsonDocument = new JsonDocumentSteps(connections, Values, settings);
        JsonSchema = new JsonSchemaSteps(connections, Files, settings);
        Contract = new ContractSteps(connections, FollowedContract, Files, settings);
        HubConnecting = new HubConnectingSteps(Hubs);
        HubInvocation = new HubInvocationSteps(Hubs, Values, settings);
        HubMessage = new HubMessageSteps(connections, settings);
        HubStream = new HubStreamSteps(Hubs, settings);
        HubQuestion = new HubQuestionSteps(Hubs, connections, settings);
        SocketIoConnections = new BddWs.Driver.SocketIo.ScenarioSocketIo(connections, settings);
        SocketIo = new SocketIoSteps(SocketIoConnections, Values, settings);
        GraphQl = new BddWs.Driver.GraphQl.ScenarioGraphQl(connections, settings);
        GraphQlSteps = new GraphQlSteps(GraphQl, Values, settings);
    }

    /// <summary>The scenario's Socket.IO connections and its latest event asking for an acknowledgement, shared as Reqnroll shares them.</summary>
    public BddWs.Driver.SocketIo.ScenarioSocketIo SocketIoConnections { get; }

    public SocketIoSteps SocketIo { get; }

    /// <summary>The scenario's GraphQL connections and operations, shared by the GraphQL steps as Reqnroll shares them.</summary>
    public BddWs.Driver.GraphQl.ScenarioGraphQl GraphQl { get; }

    public GraphQlSteps GraphQlSteps { get; }

    /// <summary>The scenario's hub connections and its latest invocation, shared by the hub steps as Reqnroll shares them.</summary>
    public BddWs.Driver.Hubs.ScenarioHubs Hubs { get; }

    public HubConnectingSteps HubConnecting { get; }

    public HubInvocationSteps HubInvocation { get; }

    public HubMessageSteps HubMessage { get; }

    public HubStreamSteps HubStream { get; }

    public HubQuestionSteps HubQuestion { get; }

    /// <summary>
    /// Steps against the bundled server (its SignalR hubs, its orders service), started for this harness;
    /// nothing connected yet. A step that waits for what the hubs do in time gets <paramref name="timeout"/>.
    /// </summary>
    public static async Task<StepHarness> BundledAsync(TimeSpan? timeout = null, params string[] serverSettings)
    {
        var server = await BundledServer.StartAsync(serverSettings);
        var url = server.WebSocket("/ws");
        return await OnAsync(server, url, new OpenCount(), timeout: timeout);
    }

    public Uri Url { get; }

    /// <summary>How many connections the scripted server still has open.</summary>
    public OpenCount ServerOpenConnections { get; }

    public ScenarioConnections Connections { get; }

    public ConnectingSteps Connecting { get; }

    public SendingSteps Sending { get; }

    public ReceivingSteps Receiving { get; }

    public JsonSteps Json { get; }

    public BinarySteps Binary { get; }

    public ClosingSteps Closing { get; }

    public NoiseSteps Noise { get; }

    public CountingSteps Counting { get; }

    /// <summary>The scenario's remembered values, shared by every step as Reqnroll shares them.</summary>
    public BddWs.Driver.Values.ScenarioValues Values { get; } = new();

    public RememberingSteps Remembering { get; }

    /// <summary>The files "next to the feature": a folder of this harness's own, removed with it.</summary>
    public BddWs.ReqnrollPlugin.Files.FeatureFiles Files { get; } = new(Directory.CreateTempSubdirectory("bddws-feature-").FullName);

    public PayloadSteps Payload { get; }
    /// <summary>The scenario's HTTP requests; they go to the address <see cref="ForHttpAsync"/> was given.</summary>
    public ScenarioHttp Http { get; }

    public HttpSteps HttpSteps { get; }

    public HttpRequestSteps HttpRequest { get; }

    public ComparingSteps Comparing { get; }

    public JsonDocumentSteps JsonDocument { get; }

    public JsonSchemaSteps JsonSchema { get; }

    /// <summary>The contract the scenario follows, shared by the contract steps and the step invoker as Reqnroll shares it.</summary>
    public BddWs.Driver.Contracts.ScenarioContract FollowedContract { get; } = new();

    public ContractSteps Contract { get; }

    /// <summary>Puts a file where the scenario's steps look for files next to the feature.</summary>
    public void WriteFile(string name, string text)
    {
        var path = Path.Combine(Files.Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Steps against a server that runs <paramref name="script"/> for each connection; nothing connected yet.</summary>
    public static async Task<StepHarness> StartAsync(Func<System.Net.WebSockets.WebSocket, Task> script, string? subProtocol = null)
    {
        var server = await ScriptedServer.StartAsync(script, subProtocol);
        return await OnAsync(server, server.Url, server.OpenConnections);
    }

    /// <summary>
    /// Steps against a hand-written server that runs <paramref name="script"/> on each raw connection;
    /// nothing connected yet. A test whose server does answer in time gives a <paramref name="timeout"/>
    /// that slowness cannot break (<see cref="Patience.MustHappen"/>).
    /// </summary>
    public static Task<StepHarness> RawAsync(Func<RawPeer, Task> script, Func<RawPeer, Task>? handshake = null, TimeSpan? timeout = null)
    {
        var server = RawWebSocketServer.Start(script, handshake);
        return OnAsync(server, server.Url, new OpenCount(), timeout: timeout);
    }

    /// <summary>Steps against a scripted SignalR hub (<see cref="ScriptedHub"/>), at the path <c>/hub</c>; nothing connected yet.</summary>
    public static Task<StepHarness> ForHubAsync(ScriptedHub hub) => OnAsync(hub, hub.Url, new OpenCount());

    /// <summary>
    /// Steps whose HTTP requests go to <paramref name="httpUrl"/> (<c>BDDWS_HTTP_URL</c>), beside a
    /// WebSocket echo server; nothing connected yet. A request may take as long as a busy machine
    /// needs (<see cref="Patience"/>) unless <paramref name="requestTimeout"/> says otherwise: the
    /// HTTP checks judge an answer already there, so they never wait.
    /// </summary>
    public static async Task<StepHarness> ForHttpAsync(Uri httpUrl, TimeSpan? requestTimeout = null)
    {
        var server = await ScriptedServer.StartAsync(ScriptedServer.Replies(text => [$"Message text was: {text}"]));
        return await OnAsync(server, server.Url, server.OpenConnections, httpUrl, requestTimeout ?? Patience.MustHappen);
    }

    private static async Task<StepHarness> OnAsync(IAsyncDisposable server, Uri url, OpenCount open, Uri? httpUrl = null, TimeSpan? timeout = null)
    {
        var settings = new SuiteSettings(url, timeout ?? Timeout, Patience.MustHappen, HttpUrl: httpUrl);
        var underTest = new ServerUnderTest(settings);
        await underTest.StartAsync();
        return new StepHarness(server, url, open, new ScenarioConnections(underTest, settings), settings, underTest);
    }

    /// <summary>Steps against a hand-written hub (<see cref="ScriptedHub"/>, at <c>/hub</c>) that runs <paramref name="script"/> for each connection; nothing connected yet.</summary>
    public static async Task<StepHarness> ScriptedHubAsync(Func<System.Net.WebSockets.WebSocket, Task> script)
    {
        var hub = await ScriptedHub.StartAsync(script);
        return await OnAsync(hub, hub.Url, new OpenCount());
    }

    /// <summary>Steps connected (as "I") to a server that answers each text with <paramref name="reply"/>.</summary>
    public static async Task<StepHarness> ConnectedAsync(Func<string, IEnumerable<string>> reply)
    {
        var harness = await StartAsync(ScriptedServer.Replies(reply));
        await harness.Connecting.ConnectToEcho(I);
        return harness;
    }

    /// <summary>
    /// Waits until <paramref name="who"/> has received at least <paramref name="count"/> messages,
    /// so that the step tested next sees them whatever the machine's speed.
    /// </summary>
    public Task ReceivedAsync(ConnectionName who, int count) => MustHappenAsync(
        who, Expectation.Until($"at least {count} messages", events => events.ReceivedMessages().Count >= count));

    /// <summary>Waits until the connection of <paramref name="who"/> has closed, however it closed.</summary>
    public Task ClosedAsync(ConnectionName who) => MustHappenAsync(
        who, Expectation.Until("the connection to close", events => events.CloseEvent() is not null));

    private async Task MustHappenAsync(ConnectionName who, Expectation expectation)
    {
        var outcome = await Connections[who].WaitForAsync(expectation, Patience.MustHappen);
        // A close ends the wait early; for a close expected here that is the event itself.
        if (expectation.Judge(outcome.Events) != Verdict.Met)
        {
            throw new Xunit.Sdk.XunitException(outcome.Explain());
        }
    }

    /// <summary>
    /// Steps against two bundled servers started for this harness, hosted as the instances "a" and "b" of the
    /// service (the server under test is "a"'s echo endpoint), unless <paramref name="serversSetting"/>
    /// (<c>BDDWS_SERVERS</c>, given the two servers' ws:// base URLs) names the instances otherwise; nothing connected yet.
    /// </summary>
    public static async Task<StepHarness> OnInstancesAsync(Func<Uri, Uri, string>? serversSetting = null)
    {
        var a = await BundledServer.StartAsync();
        var b = await BundledServer.StartAsync();
        var setting = serversSetting?.Invoke(a.WebSocket("/"), b.WebSocket("/"));
        var settings = new SuiteSettings(a.WebSocket("/ws"), Timeout, Patience.MustHappen,
            Servers: SuiteSettings.From(name => name == SuiteSettings.ServersVariable ? setting : null).Servers);
        var underTest = new ServerUnderTest(settings);
        await underTest.StartAsync();
        var instances = new ServiceInstances(settings);
        instances.Use("a", a.WebSocket("/ws"));
        instances.Use("b", b.WebSocket("/ws"));
        var harness = new StepHarness(a, a.WebSocket("/ws"), new OpenCount(), new ScenarioConnections(underTest, settings, instances), settings, underTest, instances);
        harness._instances.AddRange([a, b]);
        return harness;
    }

    /// <summary>The bundled server started as the instance <paramref name="name"/> ("a" or "b") by <see cref="OnInstancesAsync"/>.</summary>
    public BundledServer Instance(string name) => _instances[name == "a" ? 0 : 1];

    /// <summary>Runs a Then-step that must fail, and returns its message.</summary>
    public static async Task<string> FailureOf(Func<Task> step) =>
        (await FluentActions.Awaiting(step).Should().ThrowAsync<Exception>()).Which.Message;

    public static string FailureOf(Action step) => FluentActions.Invoking(step).Should().Throw<Exception>().Which.Message;

    public async ValueTask DisposeAsync()
    {
        Hubs.Dispose();
        SocketIoConnections.Dispose();
        GraphQl.Dispose();
        await Connections.DisposeAsync();
        _transport.Dispose();
        await _server.DisposeAsync();
        foreach (var instance in _instances.Skip(1))
        {
            await instance.DisposeAsync();
        }

        Directory.Delete(Files.Folder, recursive: true);
    }
}
