using BddWs.Driver;
using Reqnroll;

namespace BddWs.StepDefinitions.Hooks;

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
    public static async Task StopServer(ServerUnderTest server, ServiceInstances instances)
    {
        try
        {
            await CheckNothingLeakedAsync(server, instances);
        }
        finally
        {
            await server.StopAsync();
        }
    }

    /// <summary>
    /// The server learns of each close a moment after the client: connections still counted are
    /// given <see cref="SettleTime"/> to go. Skipped for servers without <c>/health</c>. Every named
    /// instance of the service is asked too; hosted instances are stopped after this hook (see <see cref="StopOrder"/>).
    /// </summary>
    private static async Task CheckNothingLeakedAsync(ServerUnderTest server, ServiceInstances instances)
    {
        var leaks = new List<string>();
        if (await server.OpenConnectionsSettledAsync(SettleTime) is > 0 and var open)
        {
            leaks.Add(Leaked(open, "on the server"));
        }

        foreach (var name in instances.Names)
        {
            if (await server.OpenConnectionsSettledAsync(SettleTime, instances.BaseUrl(name)) is > 0 and var left)
            {
                leaks.Add(Leaked(left, $"on instance \"{name}\""));
            }
        }

        if (leaks.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", leaks));
        }
    }

    /// <summary>The order of a hook that stops hosted instances of the service: after the check that none was left with open connections.</summary>
    public const int StopOrder = 20_000;

    private static string Leaked(int open, string where) => open == 1
        ? $"1 WebSocket connection was still open {where} {SettleTime.TotalSeconds:0}s after the last scenario; a scenario or hook left it open."
        : $"{open} WebSocket connections were still open {where} {SettleTime.TotalSeconds:0}s after the last scenario; scenarios or hooks left them open.";
}
