using System.Reflection;
using BddWs.Bridge;

namespace BddWs.Hosting;

/// <summary>
/// Starts the suite's hosted service as the run begins (or while a watch loop's next run stands by),
/// without waiting for it: the <c>BeforeTestRun</c> hook awaits the same start and reports its failure.
/// The package names it on the suite's assembly from its build files; a team writes nothing for it.
/// </summary>
public sealed class HostedServiceStart : IEarlyStart
{
    public void Begin(Assembly testAssembly) => _ = HostedRun.StartAsync(testAssembly);
}
