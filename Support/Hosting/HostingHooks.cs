using BddWs.Driver;
using Reqnroll;

namespace BddWs.Hosting;

/// <summary>
/// Names the hosted service the server under test before the first feature (waiting for the start the
/// run began early), stops it after the last, and shows a failed scenario what the service logged
/// while it ran. List <c>BddWs.Hosting</c> in reqnroll.json's <c>bindingAssemblies</c>.
/// </summary>
[Binding]
public sealed class HostingHooks
{
    private const string LogMarkKey = "BddWs.Hosting.LogMark";

    /// <summary>Before the server under test is checked (order 10000), so it is named by then.</summary>
    [BeforeTestRun(Order = -1000)]
    public static Task StartHostedService(ServerUnderTest server, SuiteSettings settings, ITestRunnerManager runner) =>
        NameTheServerAsync(server, settings, () => HostedRun.StartAsync(runner.TestAssembly));

    /// <summary><c>BDDWS_SERVER_URL</c> wins: then nothing is started, and the driver tests the service it names.</summary>
    internal static async Task NameTheServerAsync(ServerUnderTest server, SuiteSettings settings, Func<Task<HostedServer?>> start)
    {
        if (settings.ServerUrl is not null)
        {
            return;
        }

        if (await start() is { } service)
        {
            server.Use(service.WebSocketUrl);
        }
    }

    /// <summary>After the leak check has asked the service its open connections.</summary>
    [AfterTestRun(Order = 100_000)]
    public static Task StopHostedService() => HostedRun.StopAsync();

    [BeforeScenario(Order = -1000)]
    public static void MarkTheLog(ScenarioContext scenario)
    {
        if (HostedRun.Current is { } service)
        {
            scenario[LogMarkKey] = service.Log.Mark;
        }
    }

    [AfterScenario(Order = -1000)]
    public static void ShowTheLogOfAFailure(ScenarioContext scenario, IReqnrollOutputHelper output)
    {
        if (scenario.TestError is null || HostedRun.Current is not { } service || !scenario.TryGetValue(LogMarkKey, out long mark))
        {
            return;
        }

        if (LogLines.Since(service.Log, mark) is { } text)
        {
            output.WriteLine(text);
        }
    }
}
