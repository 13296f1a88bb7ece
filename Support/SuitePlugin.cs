using BddWs.Specs.Support;
using BddWs.Specs.Support.Bridge;
using BddWs.Specs.Support.Catalog;
using BddWs.Specs.Support.Reporting;
using BddWs.Specs.Support.Server;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(SuitePlugin))]

namespace BddWs.Specs.Support;

/// <summary>
/// The suite's Reqnroll plugin: connects Reqnroll to xUnit, registers what lives for the whole
/// test run (settings, the server under test) in Reqnroll's global container, so hooks and
/// steps receive the same instances by constructor injection, and has each step report its traffic.
/// </summary>
public sealed class SuitePlugin : IRuntimePlugin
{
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        XunitBridge.Register(runtimePluginEvents, unitTestProviderConfiguration);
        runtimePluginEvents.CustomizeGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterFactoryAs(SuiteSettings.FromEnvironment);
            e.ObjectContainer.RegisterTypeAs<ServerUnderTest, ServerUnderTest>();
            e.ObjectContainer.RegisterTypeAs<StepTrafficInvoker, IAsyncBindingInvoker>();
            e.ObjectContainer.RegisterFactoryAs(() => StepCatalog.FromAssembly(typeof(SuitePlugin).Assembly));
            e.ObjectContainer.RegisterTypeAs<CatalogAdvisor, IUndefinedStepAdvisor>();
            e.ObjectContainer.RegisterTypeAs<QuotedTextArguments, IMatchArgumentCalculator>();
        };
    }
}
