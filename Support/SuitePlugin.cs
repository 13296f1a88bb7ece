using BddWs.Specs.Support;
using BddWs.Specs.Support.Bridge;
using BddWs.Specs.Support.Server;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(SuitePlugin))]

namespace BddWs.Specs.Support;

/// <summary>
/// The suite's Reqnroll plugin: connects Reqnroll to xUnit, and registers what lives for the
/// whole test run (settings, the server under test) in Reqnroll's global container, so hooks
/// and steps receive the same instances by constructor injection.
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
        };
    }
}
