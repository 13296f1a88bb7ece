using BddWs.Driver;
using BddWs.Server;
using BddWs.Server.Endpoints;
using Microsoft.AspNetCore.Builder;
using Reqnroll;

namespace BddWs.Features;

/// <summary>
/// This suite tests the server it ships: unless <c>BDDWS_SERVER_URL</c> names another, the bundled
/// server starts in-process on a free loopback port before anything else and stops after the run.
/// </summary>
[Binding]
public sealed class BundledServerHooks
{
    private static WebApplication? _app;

    [BeforeTestRun(Order = -1000)]
    public static async Task StartBundledServer(SuiteSettings settings, ServerUnderTest server)
    {
        if (settings.ServerUrl is not null)
        {
            return;
        }

        // Port 0: the OS picks a free port, so several runs can overlap.
        _app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        server.Use(_app.WebSocketUrl(EchoEndpoint.Path));
    }

    [AfterTestRun(Order = 100_000)]
    public static async Task StopBundledServer()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
