using System.Globalization;
using BddWs.Driver;
using BddWs.StepDefinitions.Tests.Catalog;
using BddWs.Testing;
using Reqnroll;
using Reqnroll.Bindings;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Drafts;

/// <summary>
/// Runs a draft's scenario in this process as a suite runs it: every step through Reqnroll's own
/// matching to the suite's bindings, the scenario's hooks around it, against the bundled server
/// (one for the whole test run, since the server under test is named once per run). Class fixture.
/// </summary>
public sealed class DraftRunner : IAsyncLifetime
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static BundledServer? _server;

    public VocabularyFixture Vocabulary { get; } = new();

    /// <summary>The bundled server's address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Server => _server!.Http;

    public async ValueTask InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_server is null)
            {
                _server = await BundledServer.StartAsync();
                var runner = TestRunnerManager.GetTestRunnerForAssembly(typeof(DraftRunner).Assembly);
                try
                {
                    runner.TestThreadContext.TestThreadContainer.Resolve<ServerUnderTest>().Use(_server.WebSocket("/ws"));
                }
                finally
                {
                    TestRunnerManager.ReleaseTestRunner(runner);
                }
            }
        }
        finally
        {
            Once.Release();
        }
    }

    // The server lives as long as the test run: the run names it once.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The steps no sentence of the catalog matches, or matches more than one of, as "Keyword text".</summary>
    public IReadOnlyList<string> Unmatched(string draft) =>
        DraftSteps.Of(draft)
            .Where(step => !Vocabulary.Matching.GetBestMatch(Instance(step), CultureInfo.InvariantCulture, out _, out _).Success)
            .Select(step => $"{step.Keyword} {step.Text}")
            .ToList();

    /// <summary>Runs the draft's scenario; null when it passed, else the failing step and its message, on two lines.</summary>
    public async Task<string?> RunAsync(string draft)
    {
        var feature = new FeatureInfo(new CultureInfo("en"), "features", "Draft", "", ProgrammingLanguage.CSharp, []);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(typeof(DraftRunner).Assembly, null, feature);
        string? failure = null;
        try
        {
            await runner.OnFeatureStartAsync(feature);
            runner.OnScenarioInitialize(new ScenarioInfo("Draft", "", [], new System.Collections.Specialized.OrderedDictionary(), [], "0"), null);
            await runner.OnScenarioStartAsync();
            foreach (var step in DraftSteps.Of(draft))
            {
                var keyword = step.Keyword + " ";
                var run = step.Kind switch
                {
                    "Given" => runner.GivenAsync(step.Text, step.DocString, null, keyword),
                    "When" => runner.WhenAsync(step.Text, step.DocString, null, keyword),
                    _ => runner.ThenAsync(step.Text, step.DocString, null, keyword),
                };
                await run;
                if (failure is null && runner.ScenarioContext.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
                {
                    failure = $"{step.Keyword} {step.Text}\n{runner.ScenarioContext.TestError?.Message ?? runner.ScenarioContext.ScenarioExecutionStatus.ToString()}";
                }
            }

            try
            {
                await runner.OnScenarioEndAsync();
            }
            catch (Exception error)
            {
                failure ??= $"After the scenario\n{error.GetBaseException().Message}";
            }

            await runner.OnFeatureEndAsync();
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }

        return failure;
    }

    private static StepInstance Instance(DraftSteps step)
    {
        var kind = Enum.Parse<StepDefinitionType>(step.Kind);
        return new StepInstance(kind, (StepDefinitionKeyword)(int)kind, step.Keyword + " ", step.Text, step.DocString, null, null);
    }
}
