using System.Reflection;
using BddWs.Specs.Support.Bridge;
using Reqnroll;
using Xunit;
using Xunit.Sdk;

[assembly: AssemblyFixture(typeof(TestRunLifetime))]

namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// Wraps the whole xUnit run in Reqnroll's test run: BeforeTestRun hooks before the first
/// feature, AfterTestRun hooks (and the formatters' final write) after the last. A run never
/// passes while a feature file cannot be parsed, even when a filter left that file's test out.
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

        FailIfAFeatureFileWasLeftOut();
    }

    /// <summary>
    /// A broken file whose test did not run (a filter left it out) still fails the run. xUnit
    /// shows only the exception's type for a failure here, so the reason goes out as a
    /// diagnostic message too (xunit.runner.json turns them on), one line per problem.
    /// </summary>
    private static void FailIfAFeatureFileWasLeftOut()
    {
        var problems = TestAssembly.GetCustomAttributes<FeatureFileAttribute>()
            .Select(a => FeatureFile.Load(a.Path))
            .Where(f => f.Problem is not null && !f.ProblemReported)
            .Select(f => $"This run fails: {f.Problem}")
            .ToList();
        if (problems.Count == 0)
        {
            return;
        }

        foreach (var line in problems.SelectMany(p => p.Split(Environment.NewLine)))
        {
            TestContext.Current.SendDiagnosticMessage(line);
        }

        throw new ReaderFailureException(string.Join(Environment.NewLine, problems));
    }
}
