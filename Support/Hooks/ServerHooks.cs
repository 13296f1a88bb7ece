using BddWs.Specs.Support.Server;
using Reqnroll;

namespace BddWs.Specs.Support.Hooks;

/// <summary>Starts the server under test before the first feature and stops it after the last.</summary>
[Binding]
public sealed class ServerHooks
{
    [BeforeTestRun]
    public static Task StartServer(ServerUnderTest server) => server.StartAsync();

    [AfterTestRun]
    public static Task StopServer(ServerUnderTest server) => server.StopAsync();
}
