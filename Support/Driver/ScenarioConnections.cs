using System.Security.Cryptography.X509Certificates;

namespace BddWs.Driver;

/// <summary>
/// The connections of one scenario, by name; the unnamed one is the scenario's default
/// connection. A connection goes to the server under test, or to a named instance of the service
/// (<see cref="ServiceInstances"/>) when a step names one. Created per scenario by Reqnroll's context injection.
/// </summary>
public sealed class ScenarioConnections(ServerUnderTest server, SuiteSettings settings, ServiceInstances instances) : IAsyncDisposable
{
    public const string DefaultName = "";

    /// <summary>Connections to the server under test only: no instance is named.</summary>
    public ScenarioConnections(ServerUnderTest server, SuiteSettings settings)
        : this(server, settings, new ServiceInstances(settings))
    {
    }

    private readonly Dictionary<string, WebSocketSession> _sessions = new(StringComparer.Ordinal);

    // Connections no name leads to any more (replaced by a reconnect, or opened by a one-step attempt):
    // still told in the report and closed with the scenario.
    private readonly List<WebSocketSession> _unlisted = [];

    // How a dialect's connection is opened again (a hub negotiates and shakes hands anew), by the session it replaces.
    private readonly Dictionary<WebSocketSession, Func<Task>> _reopeners = [];

    private readonly Lazy<X509Certificate2?> _trusted = new(() =>
        settings.TrustedCertificatePath is { } path ? X509CertificateLoader.LoadCertificateFromFile(path) : null);

    public IReadOnlyCollection<WebSocketSession> All => _sessions.Values;

    /// <summary>Every connection whose traffic the report tells: those a reconnect replaced and one-step attempts first, then <see cref="All"/>.</summary>
    public IReadOnlyList<WebSocketSession> Reported => [.. _unlisted, .. _sessions.Values];

    /// <summary>Headers, query parameters and subprotocols for the next connection opened.</summary>
    public PendingOptions Next { get; } = new();

    /// <summary>The outcome of the latest connection attempt made with <see cref="TryConnectAsync"/>.</summary>
    public ConnectionAttempt? LastAttempt { get; private set; }

    /// <summary>
    /// Opens a connection under <paramref name="name"/> to a path or URL (default: the echo endpoint), of the
    /// server under test or, when <paramref name="instance"/> is given, of that instance of the service
    /// (default: the instance's base URL).
    /// </summary>
    /// <exception cref="ConnectionFailedException">The connection could not be opened; the message says why.</exception>
    /// <exception cref="ArgumentException">No instance of that name; the message names the ones there are.</exception>
    public async Task<WebSocketSession> ConnectAsync(string name = DefaultName, string? pathOrUrl = null, TimeSpan? connectTimeout = null, string? instance = null)
    {
        if (_sessions.TryGetValue(name, out var existing) && existing.State is not (System.Net.WebSockets.WebSocketState.Closed or System.Net.WebSockets.WebSocketState.Aborted or System.Net.WebSockets.WebSocketState.None))
        {
            throw new InvalidOperationException($"{Describe(name)} is already connected to {existing.DisplayUrl}.");
        }

        var session = NewSession(name, pathOrUrl, connectTimeout, instance);
        if (existing is not null)
        {
            await existing.DisposeAsync();
        }

        _sessions[name] = session;
        await session.ConnectAsync();
        return session;
    }

    /// <summary>Like <see cref="ConnectAsync"/>, but a failure is recorded in <see cref="LastAttempt"/> instead of thrown.</summary>
    public async Task<ConnectionAttempt> TryConnectAsync(string name, string pathOrUrl, TimeSpan? connectTimeout = null, string? instance = null)
    {
        try
        {
            var session = await ConnectAsync(name, pathOrUrl, connectTimeout, instance);
            LastAttempt = ConnectionAttempt.Connected(session.Url);
        }
        catch (ConnectionFailedException failure)
        {
            LastAttempt = failure.Attempt;
        }

        return LastAttempt;
    }

    /// <summary>
    /// Opens the connection called <paramref name="name"/> again, asking for what it asked for when it
    /// was opened (URL, headers, query, subprotocols), after closing it normally if it is still open.
    /// The new connection keeps a record of its own; the previous one stays in <see cref="Reported"/>.
    /// <paramref name="renew"/>, when given, works out the options anew once the old connection is
    /// closed (a hub negotiates a new connection id).
    /// </summary>
    /// <exception cref="ConnectionFailedException">The connection could not be opened again; the message says why.</exception>
    public async Task<WebSocketSession> ReconnectAsync(string name, Func<Task<ConnectionOptions>>? renew = null)
    {
        var previous = this[name];
        if (previous.IsOpen)
        {
            await previous.CloseAsync();
        }

        var session = previous.Renewed(renew is null ? null : await renew());
        _unlisted.Add(previous);
        _sessions[name] = session;
        await session.ConnectAsync();
        return session;
    }

    /// <summary>
    /// Says how <paramref name="session"/> is opened again when a scenario reconnects it: a dialect's
    /// connection class registers the way that also repeats its opening (a hub's handshake).
    /// </summary>
    public void ReopensWith(WebSocketSession session, Func<Task> reopen) => _reopeners[session] = reopen;

    /// <summary>
    /// Opens the connection called <paramref name="name"/> again as a scenario's reconnect does: the way its
    /// dialect registered (<see cref="ReopensWith"/>), or else <see cref="ReconnectAsync"/>.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The connection could not be opened again; the message says why.</exception>
    public Task ReopenAsync(string name) =>
        _reopeners.TryGetValue(this[name], out var reopen) ? reopen() : ReconnectAsync(name);

    /// <summary>
    /// Tries a connection that no name stands for, only to learn how it ends (recorded in
    /// <see cref="LastAttempt"/>); it uses the options gathered in <see cref="Next"/>.
    /// </summary>
    public async Task<ConnectionAttempt> AttemptAsync(string pathOrUrl, TimeSpan? connectTimeout = null, string? instance = null)
    {
        var session = NewSession(DefaultName, pathOrUrl, connectTimeout, instance);
        _unlisted.Add(session);
        try
        {
            await session.ConnectAsync();
            LastAttempt = ConnectionAttempt.Connected(session.Url);
        }
        catch (ConnectionFailedException failure)
        {
            LastAttempt = failure.Attempt;
        }

        return LastAttempt;
    }

    /// <summary>
    /// Opens a connection of a dialect (a SignalR hub) whose options <paramref name="prepare"/> completes
    /// first, from the URL and the options gathered in <see cref="Next"/> (a negotiation may add to the
    /// query): under <paramref name="name"/>, or, when it is null, as a one-step attempt no name leads to.
    /// A failure of <paramref name="prepare"/> is recorded as the error of a connection never opened, so
    /// the report tells it. The path is one of the server under test, or of <paramref name="instance"/> when given.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The connection could not be opened; the message says why.</exception>
    /// <exception cref="ArgumentException">No instance of that name; the message names the ones there are.</exception>
    public async Task<WebSocketSession> OpenAsync(string? name, string pathOrUrl, Func<Uri, ConnectionOptions, Task<ConnectionOptions>> prepare, string? instance = null)
    {
        if (name is not null && _sessions.TryGetValue(name, out var open) && open.IsOpen)
        {
            throw new InvalidOperationException($"{Describe(name)} is already connected to {open.DisplayUrl}.");
        }

        var url = Resolve(pathOrUrl, instance);
        var options = TakeNextOptions(connectTimeout: null) with { Instance = instance };
        WebSocketSession session;
        try
        {
            session = new WebSocketSession(name ?? DefaultName, url, await prepare(url, options));
        }
        catch (ConnectionFailedException failure)
        {
            var neverOpened = new WebSocketSession(name ?? DefaultName, url, options);
            neverOpened.Log.Add(new ErrorEvent(neverOpened.Log.Now, failure.Message));
            _unlisted.Add(neverOpened);
            throw;
        }

        if (name is null)
        {
            _unlisted.Add(session);
        }
        else
        {
            if (_sessions.TryGetValue(name, out var existing))
            {
                _unlisted.Add(existing);
            }

            _sessions[name] = session;
        }

        await session.ConnectAsync();
        return session;
    }

    /// <summary>
    /// Runs a dialect's opening (the WebSocket, then its own handshake) only to learn how it ends, and
    /// records that for the "connecting …" steps (<see cref="LastAttempt"/>): an attempt may end past the
    /// WebSocket handshake.
    /// </summary>
    public async Task<ConnectionAttempt> AttemptAsync(Func<Task<WebSocketSession>> open)
    {
        try
        {
            LastAttempt = ConnectionAttempt.Connected((await open()).Url);
        }
        catch (ConnectionFailedException failure)
        {
            LastAttempt = failure.Attempt;
        }

        return LastAttempt;
    }

    private WebSocketSession NewSession(string name, string? pathOrUrl, TimeSpan? connectTimeout, string? instance)
    {
        var url = Resolve(pathOrUrl, instance);
        return new WebSocketSession(name, url, TakeNextOptions(connectTimeout) with { Instance = instance });
    }

    /// <summary>Where a connection goes: a path or URL of the server under test or of a named instance; null for its base URL.</summary>
    private Uri Resolve(string? pathOrUrl, string? instance) => (pathOrUrl, instance) switch
    {
        (null, null) => server.EchoUrl,
        (null, { } name) => instances.BaseUrl(name),
        ({ } path, null) => server.Resolve(path),
        ({ } path, { } name) => instances.Resolve(name, path),
    };

    /// <summary>The options the steps gathered for the next connection, with the suite's settings; gathering starts over.</summary>
    private ConnectionOptions TakeNextOptions(TimeSpan? connectTimeout) =>
        Next.Take(connectTimeout ?? settings.ConnectTimeout, _trusted.Value, settings.MaxMessageBytes) with { StepTimeout = settings.Timeout };

    /// <summary>The connection called <paramref name="name"/>; throws a clear error if there is none.</summary>
    public WebSocketSession this[string name] => _sessions.TryGetValue(name, out var session)
        ? session
        : throw new InvalidOperationException($"{Describe(name)} has not been opened in this scenario; open it with a \"connected\" step first.");

    public WebSocketSession Default => this[DefaultName];

    public static string Describe(string name) => name == DefaultName ? "The connection" : $"The connection \"{name}\"";

    public async ValueTask DisposeAsync()
    {
        foreach (var session in Reported)
        {
            await session.DisposeAsync();
        }

        _unlisted.Clear();
        _sessions.Clear();
    }
}
