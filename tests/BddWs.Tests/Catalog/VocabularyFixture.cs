using BddWs.Specs.StepDefinitions;
using BddWs.Specs.Support.Catalog;
using Reqnroll;
using Reqnroll.Bindings;

namespace BddWs.Tests.Catalog;

/// <summary>The suite's step bindings twice: as the catalog reads them, and as Reqnroll compiles them to regular expressions.</summary>
public sealed class VocabularyFixture
{
    public VocabularyFixture()
    {
        var assembly = typeof(ConnectingSteps).Assembly;
        Catalog = StepCatalog.FromAssembly(assembly);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(assembly);
        try
        {
            Bindings = runner.TestThreadContext.TestThreadContainer.Resolve<IBindingRegistry>().GetStepDefinitions().ToList();
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    public StepCatalog Catalog { get; }

    public IReadOnlyList<IStepDefinitionBinding> Bindings { get; }
}
