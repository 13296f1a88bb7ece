using BddWs.Specs.Support;
using BddWs.Specs.Support.Bridge;
using BddWs.Specs.Support.Server;
using LeakProbe;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(LeakPlugin))]

namespace LeakProbe;

/// <summary>The bridge and the server under test, registered as the suite's own plugin does.</summary>
public sealed class LeakPlugin : IRuntimePlugin
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
