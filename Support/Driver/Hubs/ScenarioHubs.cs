using BddWs.Driver.Http;

namespace BddWs.Driver.Hubs;

/// <summary>
/// The SignalR hub connections of one scenario, by the names of <see cref="ScenarioConnections"/>
/// (whose sessions they are, so every plain sentence works on them too), and the latest invocation,
/// which "the invocation …" sentences judge. Created per scenario by Reqnroll's context injection.
/// </summary>
public sealed class ScenarioHubs(ScenarioConnections connections, HttpTransport transport, SuiteSettings settings) : IDisposable
{
    private readonly Dictionary<WebSocketSession, (HubConnection Hub, HubRequest Asked)> _hubs = [];
    private readonly Dictionary<string, HubAnswers> _answers = new(StringComparer.Ordinal);

    /// <summary>The latest invocation or stream any connection of the scenario made.</summary>
    public HubInvocation? LastInvocation { get; private set; }

    /// <summary>
    /// Negotiates, opens the WebSocket and completes the hub handshake, under <paramref name="name"/>;
    /// the request headers, query parameters and subprotocols given before are used as for any connection.
    /// The hub is one of the server under test, or of <paramref name="instance"/> when given.
    /// </summary>
    /// <exception cref="ConnectionFailedException">Negotiation, the WebSocket or the hub handshake failed; the message says why.</exception>
    /// <exception cref="ArgumentException">No instance of that name; the message names the ones there are.</exception>
    public Task<HubConnection> ConnectAsync(string name, string path, string? accessToken = null, string? instance = null) => OpenAsync(name, path, accessToken, instance);

    /// <summary>Tries a hub connection no name stands for, only to learn how it ends (<see cref="ScenarioConnections.LastAttempt"/>).</summary>
    public Task<ConnectionAttempt> AttemptAsync(string path, string? accessToken = null, string? instance = null) =>
        connections.AttemptAsync(async () => (await OpenAsync(null, path, accessToken, instance)).Session);

    /// <summary>The hub connection called <paramref name="name"/>; a clear error when it is not one.</summary>
    public HubConnection this[string name]
    {
        get
        {
            var session = connections[name];
            return _hubs.TryGetValue(session, out var opened)
                ? opened.Hub
                : throw new InvalidOperationException($"{ScenarioConnections.Describe(name)} is not connected to a hub; open it with a \"connected to the hub\" step first.");
        }
    }

    /// <summary>
    /// What the connection called <paramref name="name"/> answers to the hub's questions: the same
    /// answers before it opens, while it is open and after it reconnects.
    /// </summary>
    public HubAnswers AnswersOf(string name)
    {
        lock (_answers)
        {
            return _answers.TryGetValue(name, out var answers) ? answers : _answers[name] = new HubAnswers();
        }
    }

    /// <summary>Keeps <paramref name="invocation"/> as the one "the invocation …" sentences speak of.</summary>
    public HubInvocation Made(HubInvocation invocation) => LastInvocation = invocation;

    /// <summary>The latest invocation (or, with <paramref name="stream"/>, stream); a clear error when there is none.</summary>
    public HubInvocation Last(bool stream = false) => LastInvocation is { } last && (!stream || last.IsStream)
        ? last
        : throw new InvalidOperationException(stream
            ? "No stream has been started in this scenario; start one with a \"stream\" step first (When I stream Countdown(3, 10))."
            : "No hub method has been invoked in this scenario; invoke one first (When I invoke Add(2, 3)).");

    /// <summary>The hub connection an invocation was made on.</summary>
    public HubConnection Of(HubInvocation invocation) => this[invocation.ConnectionName];

    /// <summary>Stops every connection's keep-alive pings; the connections themselves close with <see cref="ScenarioConnections"/>.</summary>
    public void Dispose()
    {
        foreach (var (hub, _) in _hubs.Values)
        {
            hub.Dispose();
        }
    }

    /// <summary>
    /// Closes the hub connection called <paramref name="name"/> if it is open, then connects to the same hub
    /// again as it was connected the first time: a new negotiation (a connection id serves once), the same
    /// token, headers, query and subprotocols, and a new hub handshake. Invocation ids start again at 1.
    /// </summary>
    /// <exception cref="ConnectionFailedException">Negotiation, the WebSocket or the hub handshake failed; the message says why.</exception>
    public async Task<HubConnection> ReconnectAsync(string name)
    {
        var previous = this[name];
        var asked = _hubs[previous.Session].Asked;
        previous.Dispose();
        // The renewed session speaks the hub's dialect, so it leaves the plumbing out as the first one did.
        var session = await connections.ReconnectAsync(name, () => NegotiatedAsync(asked));
        return await ShakeHandsAsync(session, asked);
    }

    private async Task<HubConnection> OpenAsync(string? name, string path, string? accessToken, string? instance)
    {
        HubRequest? asked = null;
        var session = await connections.OpenAsync(name, path, (url, options) => NegotiatedAsync(asked = new HubRequest(url, options, accessToken)), instance);
        return await ShakeHandsAsync(session, asked!);
    }

    private async Task<ConnectionOptions> NegotiatedAsync(HubRequest asked) =>
        asked.Options with
        {
            Dialect = HubDialect.Instance,
            Query = [.. asked.Options.Query, .. await HubNegotiation.NegotiateAsync(transport.Client, asked.Url, asked.Options, asked.AccessToken, settings.ConnectTimeout)],
        };

    private async Task<HubConnection> ShakeHandsAsync(WebSocketSession session, HubRequest asked)
    {
        var hub = new HubConnection(session, AnswersOf(session.Name));
        _hubs[session] = (hub, asked);
        connections.ReopensWith(session, () => ReconnectAsync(session.Name));
        // The hub handshake is part of connecting: it has the time a WebSocket handshake has.
        await hub.HandshakeAsync(settings.ConnectTimeout);
        return hub;
    }

    /// <summary>What a hub connection asked for before negotiating: what a reconnect asks for again.</summary>
    private sealed record HubRequest(Uri Url, ConnectionOptions Options, string? AccessToken);
}
