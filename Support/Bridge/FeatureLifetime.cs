using System.Reflection;
using Reqnroll;
using Io.Cucumber.Messages.Types;
using Xunit;
using Xunit.Sdk;

namespace BddWs.Bridge;

/// <summary>
/// The xUnit class fixture of one feature: runs its scenarios through Reqnroll, in the order
/// Reqnroll's own generated tests use, and ends the feature (AfterFeature hooks) when the
/// class is done.
/// </summary>
public abstract class FeatureLifetime(string path, Assembly testAssembly) : IAsyncLifetime
{
    private readonly FeatureFile _feature = FeatureFile.Load(path, testAssembly);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // A run that never started started no feature: there is nothing to end.
        if (_feature.Problem is null && TestRunLifetime.StartFailureOf(testAssembly) is null)
        {
            await TestRunnerManager.ReleaseFeatureAsync(_feature.Info, testAssembly, null);
        }

        GC.SuppressFinalize(this);
    }

    public async Task RunScenarioAsync(int pickleIndex)
    {
        if (TestRunLifetime.StartFailureOf(testAssembly) is { } cannotStart)
        {
            throw new ReaderFailureException(cannotStart);
        }

        if (pickleIndex == ScenarioRows.UnusableShard)
        {
            throw new ReaderFailureException(Sharding.ShardRun.Of(testAssembly).Problem ?? "The shard setting cannot be used.");
        }

        if (_feature.Problem is not null)
        {
            _feature.MarkProblemReported();
            throw new ReaderFailureException(_feature.Problem);
        }

        var scenario = new PickleScenario(_feature, pickleIndex);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly, null, _feature.Info);
        PickleStep? failedStep = null;
        try
        {
            await StartFeatureAsync(runner);
            runner.OnScenarioInitialize(scenario.CreateInfo(), scenario.CreateRuleInfo());
            runner.ScenarioContext.Set(scenario);
            try
            {
                if (scenario.IsIgnored)
                {
                    // Steps of a skipped scenario are not run, but reported as skipped.
                    await runner.SkipScenarioAsync();
                }
                else
                {
                    await runner.OnScenarioStartAsync();
                }

                foreach (var step in scenario.Pickle.Steps)
                {
                    await RunStepAsync(runner, scenario, step);
                    failedStep ??= runner.ScenarioContext.ScenarioExecutionStatus == ScenarioExecutionStatus.OK || scenario.IsIgnored ? null : step;
                }

                await runner.CollectScenarioErrorsAsync();
            }
            catch (SkipException) when (scenario.IsIgnored)
            {
                Assert.Skip($"Ignored with the @ignore tag ({_feature.Path}:{scenario.Scenario.Location.Line})");
            }
            catch (System.Exception error) when (failedStep is not null)
            {
                var where = Where(scenario, failedStep);
                var status = runner.ScenarioContext.ScenarioExecutionStatus;
                throw StepFailure.IsForTheReader(status, error)
                    ? new ReaderFailureException(StepFailure.Message(where, status, error))
                    : new StepFailedException(where, status, error);
            }
            finally
            {
                await EndScenarioAsync(runner);
            }
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    /// <summary>
    /// Runs the after-scenario hooks. One that fails for the reader (a check of the scenario as a
    /// whole, such as a name marked secret that never had a value) is told in words alone, as a step's
    /// failure is, not as a fault with its type.
    /// </summary>
    private static async Task EndScenarioAsync(ITestRunner runner)
    {
        try
        {
            await runner.OnScenarioEndAsync();
        }
        catch (System.Exception error) when (ReaderMessage.Of(error) is { } message)
        {
            throw new ReaderFailureException($"After the scenario: {message}");
        }
    }

    /// <summary>A runner from the pool may still hold another feature: end that one first.</summary>
    private async Task StartFeatureAsync(ITestRunner runner)
    {
        var current = runner.FeatureContext?.FeatureInfo;
        if (ReferenceEquals(current, _feature.Info))
        {
            return;
        }

        if (current is not null)
        {
            await runner.OnFeatureEndAsync();
        }

        await runner.OnFeatureStartAsync(_feature.Info);
    }

    /// <summary><c>And the first message contains "Goodbye" (features/echo.feature:13)</c>.</summary>
    private string Where(PickleScenario scenario, PickleStep step)
    {
        var gherkin = scenario.AstStep(step);
        return $"{gherkin.Keyword}{step.Text} ({_feature.Path}:{gherkin.Location.Line})";
    }

    private static Task RunStepAsync(ITestRunner runner, PickleScenario scenario, PickleStep step)
    {
        var gherkin = scenario.AstStep(step);
        var docString = step.Argument?.DocString?.Content;
        var table = ToTable(step.Argument?.DataTable);
        var keyword = gherkin.Keyword;
        return gherkin.KeywordType switch
        {
            StepKeywordType.CONTEXT => runner.GivenAsync(step.Text, docString, table, keyword),
            StepKeywordType.ACTION => runner.WhenAsync(step.Text, docString, table, keyword),
            StepKeywordType.OUTCOME => runner.ThenAsync(step.Text, docString, table, keyword),
            _ when keyword.Trim() == "But" => runner.ButAsync(step.Text, docString, table, keyword),
            _ => runner.AndAsync(step.Text, docString, table, keyword),
        };
    }

    private static Table? ToTable(PickleTable? source)
    {
        if (source is null || source.Rows.Count == 0)
        {
            return null;
        }

        var table = new Table(source.Rows[0].Cells.Select(c => c.Value).ToArray());
        foreach (var row in source.Rows.Skip(1))
        {
            table.AddRow(row.Cells.Select(c => c.Value).ToArray());
        }

        return table;
    }
}
