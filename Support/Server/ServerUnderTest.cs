using BddWs.Server;
using BddWs.Server.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BddWs.Specs.Support.Server;

/// <summary>
/// The server the features talk to for the whole test run: the one named by
/// <c>BDDWS_SERVER_URL</c>, or else the bundled server, started in-process on a free loopback port.
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
    private WebApplication? _embedded;
    private Uri? _echoUrl;

    /// <summary>The echo endpoint (the seed's <c>/ws</c>).</summary>
    public Uri EchoUrl => _echoUrl ?? throw new InvalidOperationException("The server under test has not been started.");

    public bool IsEmbedded => _embedded is not null;

    /// <summary>How many times <c>/health</c> has been asked.</summary>
    public int HealthAsks => Volatile.Read(ref _healthAsks);

    public async Task StartAsync()
    {
        if (settings.ServerUrl is { } external)
        {
            _echoUrl = external;
            return;
        }

        // Port 0: the OS picks a free port, so several runs can overlap.
        var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        _embedded = app;
        _echoUrl = app.WebSocketUrl(EchoEndpoint.Path);
    }

    /// <summary>A path such as <c>/chat</c> on the server under test; a full ws:// or wss:// URL as it is.</summary>
    /// <exception cref="ArgumentException">Neither a path nor a WebSocket URL, with what to write instead.</exception>
    public Uri Resolve(string pathOrUrl)
    {
        if (SuiteSettings.TryParseWebSocketUrl(pathOrUrl, out var absolute))
        {
            return absolute;
        }

        if (!pathOrUrl.StartsWith('/') || pathOrUrl.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"\"{pathOrUrl}\" is neither a path on the server under test (such as /chat) nor a ws:// or wss:// URL.");
        }

        return new Uri(EchoUrl, pathOrUrl);
    }

    /// <summary>
    /// Open WebSocket connections as the server's <c>/health</c> counts them
    /// (<c>{"status":"ok","connections":N}</c>); null for a server without that endpoint.
    /// </summary>
    public async Task<int?> OpenConnectionsAsync()
    {
        var health = new UriBuilder(EchoUrl) { Scheme = EchoUrl.Scheme == "wss" ? "https" : "http", Path = "/health", Query = "" }.Uri;
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
    /// null for a server without <c>/health</c>.
    /// </summary>
    public async Task<int?> OpenConnectionsSettledAsync(TimeSpan within)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var pause = new PeriodicTimer(HealthPause);
        var open = await OpenConnectionsAsync();
        while (open > 0 && clock.Elapsed < within && await pause.WaitForNextTickAsync())
        {
            open = await OpenConnectionsAsync();
        }

        return open;
    }

    public async Task StopAsync()
    {
        _health.Dispose();
        if (_embedded is { } app)
        {
            _embedded = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
