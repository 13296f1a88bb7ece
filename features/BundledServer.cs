using BddWs.Driver;
using BddWs.Server;
using BddWs.Server.Endpoints;
using Microsoft.AspNetCore.Builder;

namespace BddWs.Features;

/// <summary>
/// The bundled server of this run, started once, by whichever asks first: the warm-up as the xUnit
/// run starts (<see cref="BundledServerEarlyStart"/>) or the <c>BeforeTestRun</c> hook. Starting it early
/// lets it, and one echo round trip through the driver, happen while Reqnroll is still starting, so
/// the first scenario does not pay for loading and compiling the server and client code.
/// </summary>
public static class BundledServer
{
    private static readonly Lock Gate = new();
    private static Task<WebApplication>? _starting;

    /// <summary>The started server; the first call starts it.</summary>
    public static Task<WebApplication> StartAsync()
    {
        lock (Gate)
        {
            return _starting ??= Task.Run(StartAndWarmAsync);
        }
    }

    /// <summary>Stops the server if it was started, and lets a later run in this process start another.</summary>
    public static async Task StopAsync()
    {
        Task<WebApplication>? starting;
        lock (Gate)
        {
            (starting, _starting) = (_starting, null);
        }

        if (starting is not null)
        {
            var app = await starting;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<WebApplication> StartAndWarmAsync()
    {
        // Port 0: the OS picks a free port, so several runs can overlap.
        var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        await WarmUpAsync(app.WebSocketUrl(EchoEndpoint.Path));
        return app;
    }

    /// <summary>
    /// One message there and back, the way a scenario does it. Only for speed: should it fail, the
    /// scenarios meet the same fault and say so in their own words.
    /// </summary>
    private static async Task WarmUpAsync(Uri echo)
    {
        try
        {
            await using var session = new WebSocketSession("warm-up", echo, new ConnectionOptions());
            await session.ConnectAsync();
            await session.SendAsync(WebSocketMessage.FromText("warm-up"));
            await session.WaitForAsync(Expect.AnyMessage(MessageCheck.Any), TimeSpan.FromSeconds(5));
            await session.CloseAsync();
        }
        catch (Exception ex) when (ex is ConnectionFailedException or InvalidOperationException or DeadlineExceededException
                                       or System.Net.WebSockets.WebSocketException)
        {
        }
    }
}
