using BddWs.Specs.Support.Server;
using Reqnroll;

namespace BddWs.Specs.Support.Hooks;

/// <summary>
/// Starts the server under test before the first feature and stops it after the last; on the
/// way out, checks that the run left no connection open on the server.
/// </summary>
[Binding]
public sealed class ServerHooks
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    [BeforeTestRun]
    public static Task StartServer(ServerUnderTest server) => server.StartAsync();

    [AfterTestRun]
    public static async Task StopServer(ServerUnderTest server)
    {
        try
        {
            await CheckNothingLeakedAsync(server);
        }
        finally
        {
            await server.StopAsync();
        }
    }

    /// <summary>
    /// The server learns of each close a moment after the client: connections still counted are
    /// given <see cref="SettleTime"/> to go. Skipped for servers without <c>/health</c>.
    /// </summary>
    private static async Task CheckNothingLeakedAsync(ServerUnderTest server)
    {
        var open = await server.OpenConnectionsSettledAsync(SettleTime);
        if (open > 0)
        {
            throw new InvalidOperationException(open == 1
                ? $"1 WebSocket connection was still open on the server {SettleTime.TotalSeconds:0}s after the last scenario; a scenario or hook left it open."
                : $"{open} WebSocket connections were still open on the server {SettleTime.TotalSeconds:0}s after the last scenario; scenarios or hooks left them open.");
        }
    }
}
