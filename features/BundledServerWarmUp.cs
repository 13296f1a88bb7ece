using BddWs.Driver;
using Xunit;

[assembly: AssemblyFixture(typeof(BddWs.Features.BundledServerWarmUp))]

namespace BddWs.Features;

/// <summary>
/// Starts the bundled server (unless <c>BDDWS_SERVER_URL</c> names another) as soon as xUnit starts
/// the run, without waiting for it, so that it starts while Reqnroll does.
/// </summary>
public sealed class BundledServerWarmUp : IAsyncLifetime
{
    public ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(SuiteSettings.ServerUrlVariable) is null)
        {
            // Before the server loads its assemblies: see CucumberMessageWarmUp.
            BddWs.Bridge.CucumberMessageWarmUp.Run();
            // Awaited by the BeforeTestRun hook, which reports a failure to start.
            _ = BundledServer.StartAsync();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
