using BddWs.Driver;
using BddWs.Driver.Http;
using BddWs.Bridge;
using BddWs.ReqnrollPlugin.Catalog;
using BddWs.ReqnrollPlugin.Files;
using BddWs.ReqnrollPlugin.Reporting;
using BddWs.ReqnrollPlugin.Reporting.LivingDoc;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Formatters;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(BddWs.ReqnrollPlugin.BddWsPlugin))]

namespace BddWs.ReqnrollPlugin;

/// <summary>
/// BddWs's Reqnroll plugin, found by Reqnroll beside the test assembly: registers what lives for
/// the whole test run (settings, the server under test, the HTTP client, the catalog) in Reqnroll's global
/// container, so hooks and steps receive the same instances by constructor injection; has each
/// step report its traffic; writes the living documentation as a summary page and a page per
/// feature; advises on undefined steps from the catalog; and lets every sentence match after any keyword
/// (<see cref="KeywordFreeBindingRegistry"/>).
/// </summary>
public sealed class BddWsPlugin : IRuntimePlugin
{
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        runtimePluginEvents.CustomizeGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterFactoryAs(SuiteSettings.FromEnvironment);
            e.ObjectContainer.RegisterTypeAs<ServerUnderTest, ServerUnderTest>();
            e.ObjectContainer.RegisterTypeAs<HttpTransport, HttpTransport>();
            e.ObjectContainer.RegisterTypeAs<KeywordFreeBindingRegistry, IBindingRegistry>();
            e.ObjectContainer.RegisterTypeAs<StepTrafficInvoker, IAsyncBindingInvoker>();
            e.ObjectContainer.RegisterFactoryAs(container => StepCatalog.FromBindings(container.Resolve<IBindingRegistry>()));
            e.ObjectContainer.RegisterTypeAs<CatalogAdvisor, IUndefinedStepAdvisor>();
            // Takes the place of Reqnroll's HTML report, with its settings: see LivingDocFormatter.
            e.ObjectContainer.RegisterTypeAs<LivingDocFormatter, ICucumberMessageFormatter>("html");
        };
        runtimePluginEvents.CustomizeScenarioDependencies += (_, e) =>
            e.ObjectContainer.RegisterFactoryAs(container => FeatureFiles.For(container.Resolve<FeatureContext>()));
    }
}
