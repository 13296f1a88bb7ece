using BddWs.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace BddWs.Testing;

/// <summary>
/// The real server app (<see cref="ServerApp.Build"/>, as <c>dotnet run</c> builds it) on a free
/// loopback port, optionally with settings such as <c>--Secure:Token=x</c> (<c>--urls https://...</c> for TLS).
/// Usable as a class fixture. What it logs at Error or above is kept in <see cref="Logs"/>.
/// </summary>
public sealed class BundledServer : IAsyncLifetime
{
    private readonly string[] _settings;
    private WebApplication? _app;
    private Uri? _http;

    public BundledServer()
        : this([])
    {
    }

    private BundledServer(string[] settings) => _settings = settings;

    /// <summary>What the server logged at Error or above.</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>The server's base address, <c>http://127.0.0.1:port/</c> (or https).</summary>
    public Uri Http => _http ?? throw new InvalidOperationException("The server has not been started.");

    public static async Task<BundledServer> StartAsync(params string[] settings)
    {
        var server = new BundledServer(settings);
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The app's services, to look at server state a client cannot see.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server has not been started.");

    /// <summary>A ws:// (or wss://) address on this server, e.g. <c>/chat?room=a</c>.</summary>
    public Uri WebSocket(string pathAndQuery) =>
        new(new UriBuilder(Http) { Scheme = Http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri, pathAndQuery);

    /// <summary>The body of <c>GET /health</c>.</summary>
    public async Task<string> HealthAsync(HttpClient? http = null)
    {
        using var plain = http is null ? new HttpClient() : null;
        return await (http ?? plain!).GetStringAsync(new Uri(Http, "/health"), TestContext.Current.CancellationToken);
    }

    /// <summary>The WebSocket connections <c>/health</c> counts now.</summary>
    public async Task<int> OpenConnectionsAsync(HttpClient? http = null)
    {
        using var health = System.Text.Json.JsonDocument.Parse(await HealthAsync(http));
        return health.RootElement.GetProperty("connections").GetInt32();
    }

    public async ValueTask InitializeAsync()
    {
        var app = _app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. _settings]);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
        await app.StartAsync(TestContext.Current.CancellationToken);
        _http = app.BaseAddress();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
