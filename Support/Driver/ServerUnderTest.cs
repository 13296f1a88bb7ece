
namespace BddWs.Driver;

/// <summary>
/// The service the features talk to for the whole test run: the one at <c>BDDWS_SERVER_URL</c> (its base
/// URL), or else one a suite hosts itself and names with <see cref="Use"/> before the run (BddWs.Hosting
/// does, for a team's service and for BddWs's own bundled server alike).
/// </summary>
public sealed class ServerUnderTest(SuiteSettings settings)
{
    /// <summary>
    /// The pause between two asks of <c>/health</c>: its count is the server's state, not an event the
    /// suite could wait for, so it is asked again, but not in a tight loop.
    /// </summary>
    public static readonly TimeSpan HealthPause = TimeSpan.FromMilliseconds(100);

    // One client for every /health request: the leak check may ask several times in a row.
    private readonly HttpClient _health = new() { Timeout = TimeSpan.FromSeconds(2) };
    private int _healthAsks;
    private Uri? _echoUrl;

    /// <summary>
    /// The service's base URL, which "connected to the echo server" opens as it is (for the bundled server,
    /// its echo endpoint <c>/ws</c>); paths in features resolve against its host.
    /// </summary>
    public Uri EchoUrl => _echoUrl ?? throw new InvalidOperationException("The server under test has not been started.");

    /// <summary>Tests a service the suite hosts itself, unless <c>BDDWS_SERVER_URL</c> names another.</summary>
    public void Use(Uri webSocketUrl) => _echoUrl ??= settings.ServerUrl ?? webSocketUrl;

    /// <summary>How many times <c>/health</c> has been asked.</summary>
    public int HealthAsks => Volatile.Read(ref _healthAsks);

    /// <exception cref="InvalidOperationException">No server to test: the message says how to name one.</exception>
    public Task StartAsync()
    {
        _echoUrl ??= settings.ServerUrl ?? throw new InvalidOperationException(
            $"No server to test: set {SuiteSettings.ServerUrlVariable} to your service's base URL, for example ws://localhost:8080/, or have the suite host your service (the BddWs.Hosting package).");
        return Task.CompletedTask;
    }

    /// <summary>A path such as <c>/chat</c> on the server under test; a full ws:// or wss:// URL as it is.</summary>
    /// <exception cref="ArgumentException">Neither a path nor a WebSocket URL, with what to write instead.</exception>
    public Uri Resolve(string pathOrUrl)
    {
        if (SuiteSettings.TryParseWebSocketUrl(pathOrUrl, out var absolute))
        {
            return absolute;
        }

        return ResolveAgainst(EchoUrl, pathOrUrl);
    }

    /// <summary>A path such as <c>/chat</c> against the host of <paramref name="baseUrl"/>.</summary>
    /// <exception cref="ArgumentException">Not a path, with what to write instead.</exception>
    public static Uri ResolveAgainst(Uri baseUrl, string path)
    {
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"\"{path}\" is neither a path on the server under test (such as /chat) nor a ws:// or wss:// URL.");
        }

        return new Uri(baseUrl, path);
    }

    /// <summary>
    /// Open WebSocket connections as the server's <c>/health</c> counts them
    /// (<c>{"status":"ok","connections":N}</c>); null for a server without that endpoint. <paramref name="at"/>
    /// names another server than this one, such as an instance of the service.
    /// </summary>
    public async Task<int?> OpenConnectionsAsync(Uri? at = null)
    {
        var server = at ?? EchoUrl;
        var health = new UriBuilder(server) { Scheme = server.Scheme == "wss" ? "https" : "http", Path = "/health", Query = "" }.Uri;
        Interlocked.Increment(ref _healthAsks);
        try
        {
            var body = await _health.GetStringAsync(health);
            return System.Text.Json.Nodes.JsonNode.Parse(body)?["connections"]?.GetValue<int>();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The open connections once none are left, or as counted at the end of <paramref name="within"/>
    /// (the server learns of each close a moment after the client), asking every <see cref="HealthPause"/>;
    /// null for a server without <c>/health</c>. <paramref name="at"/> names another server than this
    /// one, such as an instance of the service.
    /// </summary>
    public async Task<int?> OpenConnectionsSettledAsync(TimeSpan within, Uri? at = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var pause = new PeriodicTimer(HealthPause);
        var open = await OpenConnectionsAsync(at);
        while (open > 0 && clock.Elapsed < within && await pause.WaitForNextTickAsync())
        {
            open = await OpenConnectionsAsync(at);
        }

        return open;
    }

    public Task StopAsync()
    {
        _health.Dispose();
        return Task.CompletedTask;
    }
}
