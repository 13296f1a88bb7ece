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
    /// The server learns of each close a moment after the client: ask again while connections
    /// are still counted, but no longer than <see cref="SettleTime"/>. Skipped for servers
    /// without <c>/health</c>.
    /// </summary>
    private static async Task CheckNothingLeakedAsync(ServerUnderTest server)
    {
        var deadline = DateTime.UtcNow + SettleTime;
        var open = await server.OpenConnectionsAsync();
        while (open > 0 && DateTime.UtcNow < deadline)
        {
            open = await server.OpenConnectionsAsync();
        }

        if (open > 0)
        {
            throw new InvalidOperationException(
                $"{open} WebSocket connection(s) were still open on the server after the run: a scenario or hook left them open.");
        }
    }
}
