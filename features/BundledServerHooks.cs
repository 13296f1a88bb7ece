using BddWs.Driver;
using BddWs.Server;
using BddWs.Server.Endpoints;
using Reqnroll;

namespace BddWs.Features;

/// <summary>
/// This suite tests the server it ships: unless <c>BDDWS_SERVER_URL</c> names another, the bundled
/// server starts in-process on a free loopback port before anything else (see <see cref="BundledServer"/>)
/// and stops after the run.
/// </summary>
[Binding]
public sealed class BundledServerHooks
{
    [BeforeTestRun(Order = -1000)]
    public static async Task StartBundledServer(SuiteSettings settings, ServerUnderTest server)
    {
        if (settings.ServerUrl is not null)
        {
            return;
        }

        var app = await BundledServer.StartAsync();
        server.Use(app.WebSocketUrl(EchoEndpoint.Path));
    }

    [AfterTestRun(Order = 100_000)]
    public static Task StopBundledServer() => BundledServer.StopAsync();
}
