using BddWs.Bridge;
using BddWs.Driver;
using BddWs.Driver.Http;
using BddWs.ReqnrollPlugin.Catalog;
using Reqnroll;
using Reqnroll.BindingSkeletons;
using Reqnroll.Infrastructure;

namespace BddWs.StepDefinitions.Hooks;

/// <summary>
/// Creates the objects the whole run shares before the first scenario, on one thread. Reqnroll's
/// container creates a shared object when it is first asked for; features start at the same moment,
/// and two shared objects first asked for at once can corrupt the container's list of what it made
/// (seen as "An item with the same key has already been added. Key: BddWs.Driver.ServerUnderTest").
/// Asked for here, each exists before any feature runs.
/// </summary>
[Binding]
public sealed class RunWideObjectsHooks
{
    [BeforeTestRun(Order = int.MinValue)]
    public static void CreateRunWideObjects(
        SuiteSettings settings, ServerUnderTest server, ServiceInstances instances, HttpTransport http, StepCatalog catalog,
        IUndefinedStepAdvisor advisor, IStepDefinitionSkeletonProvider skeletons, IMatchArgumentCalculator arguments)
    {
        // Being resolved is all they need here.
        _ = (settings, server, instances, http, catalog, advisor, skeletons, arguments);
    }
}
