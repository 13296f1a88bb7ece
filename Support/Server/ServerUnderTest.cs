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
    // One client for every /health request: the leak check may ask many times in a row.
    private readonly HttpClient _health = new() { Timeout = TimeSpan.FromSeconds(2) };
    private WebApplication? _embedded;
    private Uri? _echoUrl;

    /// <summary>The echo endpoint (the seed's <c>/ws</c>).</summary>
    public Uri EchoUrl => _echoUrl ?? throw new InvalidOperationException("The server under test has not been started.");

    public bool IsEmbedded => _embedded is not null;

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
