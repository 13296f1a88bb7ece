using System.Reflection;
using BddWs.Specs.Support.Bridge;
using Reqnroll;
using Xunit;

[assembly: AssemblyFixture(typeof(TestRunLifetime))]

namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// Wraps the whole xUnit run in Reqnroll's test run: BeforeTestRun hooks before the first
/// feature, AfterTestRun hooks (and the formatters' final write) after the last.
/// </summary>
public sealed class TestRunLifetime : IAsyncLifetime
{
    public static Assembly TestAssembly { get; } = typeof(TestRunLifetime).Assembly;

    public async ValueTask InitializeAsync() => await TestRunnerManager.OnTestRunStartAsync(TestAssembly, null);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TestRunnerManager.OnTestRunEndAsync(TestAssembly, null);
        }
        catch (Exception failure)
        {
            // At dotnet test's default verbosity xUnit shows only the type of an exception thrown
            // here, after "Passed!": say why the run failed in one line that is shown (xunit.runner.json
            // has diagnosticMessages on), then fail the run as before.
            TestContext.Current.SendDiagnosticMessage($"The run failed. {failure.GetBaseException().Message}");
            throw;
        }
    }
}
