using BddWs.StepDefinitions;
using BddWs.ReqnrollPlugin.Catalog;
using Reqnroll;
using Reqnroll.Bindings;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Catalog;

/// <summary>The suite's step bindings twice: as the catalog reads them, and as Reqnroll compiles them to regular expressions.</summary>
public sealed class VocabularyFixture
{
    public VocabularyFixture()
    {
        Catalog = StepCatalog.FromAssembly(typeof(ConnectingSteps).Assembly);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(typeof(VocabularyFixture).Assembly);
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
