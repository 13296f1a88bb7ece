using BddWs.StepDefinitions;
using BddWs.ReqnrollPlugin.Catalog;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Catalog;

/// <summary>
/// The suite's step bindings twice: as the catalog reads them, and as Reqnroll compiles them to
/// regular expressions and matches steps against them (BddWs's plugin loaded, as in a suite).
/// </summary>
public sealed class VocabularyFixture
{
    public VocabularyFixture()
    {
        Catalog = StepCatalog.FromAssembly(typeof(ConnectingSteps).Assembly);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(typeof(VocabularyFixture).Assembly);
        try
        {
            Registry = runner.TestThreadContext.TestThreadContainer.Resolve<IBindingRegistry>();
            Bindings = Registry.GetStepDefinitions().ToList();
            Matching = runner.TestThreadContext.TestThreadContainer.Resolve<IStepDefinitionMatchService>();
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    public StepCatalog Catalog { get; }

    public IBindingRegistry Registry { get; }

    public IReadOnlyList<IStepDefinitionBinding> Bindings { get; }

    /// <summary>Reqnroll's own matching of a step to its binding.</summary>
    public IStepDefinitionMatchService Matching { get; }
}
