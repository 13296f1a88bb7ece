using System.Collections.Concurrent;
using System.Reflection;
using BddWs.Bridge.Sharding;
using Reqnroll;
using Xunit;
using Xunit.Sdk;

namespace BddWs.Bridge;

/// <summary>
/// Wraps the whole xUnit run in Reqnroll's test run: BeforeTestRun hooks before the first
/// feature, AfterTestRun hooks (and the formatters' final write) after the last. A run never
/// passes while a feature file cannot be parsed, even when a filter left that file's test out.
/// A shard (<c>BDDWS_SHARD</c>) says so in its report folder's <c>shard.json</c>, finished once the report is whole.
/// The generator makes a subclass in each test assembly and registers it as that assembly's fixture.
/// </summary>
public abstract class TestRunLifetime(Assembly testAssembly) : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<Assembly, string> StartFailures = new();

    /// <summary>Why the run of <paramref name="testAssembly"/> could not start (a BeforeTestRun hook failed); null when it started.</summary>
    public static string? StartFailureOf(Assembly testAssembly) => StartFailures.GetValueOrDefault(testAssembly);

    public async ValueTask InitializeAsync()
    {
        CucumberMessageWarmUp.Run();
        EarlyStartAttribute.BeginAll(testAssembly);
        SuiteFolder.UseFolderOf(testAssembly);
        var shard = ShardRun.Of(testAssembly);
        if (shard.Problem is { } unusable)
        {
            // Nothing runs; the one row of the run fails with the reason.
            StartFailures[testAssembly] = unusable;
            return;
        }

        UndefinedStepCode.Start();
        try
        {
            shard.Begin(SuiteFolder.Reports());
            await TestRunnerManager.OnTestRunStartAsync(testAssembly, null);
        }
        catch (Exception failure)
        {
            // Thrown from here, xUnit would fail every test with "Assembly fixture type … threw",
            // the exception's type and Reqnroll's stack trace; the reader needs the hook's message
            // alone, which each scenario fails with instead (FeatureLifetime).
            StartFailures[testAssembly] = failure.GetBaseException().Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        var shard = ShardRun.Of(testAssembly);
        if (shard.Problem is not null)
        {
            return;
        }

        try
        {
            try
            {
                await TestRunnerManager.OnTestRunEndAsync(testAssembly, null);
            }
            finally
            {
                // The formatters write even when an AfterTestRun hook failed (the report names the hook):
                // the shard ran to its end, and whoever merges it should say what failed, not that it stopped.
                shard.End(SuiteFolder.Reports());
            }
        }
        catch (Exception) when (StartFailures.ContainsKey(testAssembly))
        {
            // An AfterTestRun hook of a run that never started (stopping a server that never ran)
            // fails only because of it: every scenario already says why.
        }
        catch (Exception failure)
        {
            // At dotnet test's default verbosity xUnit shows only the type of an exception thrown
            // here, after "Passed!": say why the run failed in one line that is shown (xunit.runner.json
            // has diagnosticMessages on), then fail the run as before.
            TestContext.Current.SendDiagnosticMessage($"The run failed. {failure.GetBaseException().Message}");
            throw;
        }

        FailIfAFeatureFileWasLeftOut(shard);
    }

    /// <summary>
    /// A broken file of this run (of its shard) whose test did not run (a filter left it out) still fails the run. xUnit
    /// shows only the exception's type for a failure here, so the reason goes out as a
    /// diagnostic message too (xunit.runner.json turns them on), one line per problem.
    /// </summary>
    private void FailIfAFeatureFileWasLeftOut(ShardRun shard)
    {
        var problems = testAssembly.GetCustomAttributes<FeatureFileAttribute>()
            .Where(a => shard.Runs(a.Path))
            .Select(a => FeatureFile.Load(a.Path, testAssembly))
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
