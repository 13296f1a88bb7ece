using System.Reflection;
using BddWs.Bridge;
using BddWs.Driver;

[assembly: EarlyStart(typeof(BddWs.Features.BundledServerEarlyStart))]

namespace BddWs.Features;

/// <summary>
/// Starts the bundled server (unless <c>BDDWS_SERVER_URL</c> names another) as the run begins, or as the
/// watch loop's next run stands by, without waiting for it: the BeforeTestRun hook awaits the same start
/// and reports a failure to start.
/// </summary>
public sealed class BundledServerEarlyStart : IEarlyStart
{
    public void Begin(Assembly testAssembly)
    {
        if (Environment.GetEnvironmentVariable(SuiteSettings.ServerUrlVariable) is null)
        {
            _ = BundledServer.StartAsync();
        }
    }
}
