using BddWs.Bridge;
using BridgeProbe;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(ProbePlugin))]

namespace BridgeProbe;

public sealed class ProbePlugin : IRuntimePlugin
{
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        XunitBridge.Register(runtimePluginEvents, unitTestProviderConfiguration);
        runtimePluginEvents.CustomizeGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<ProbeAdvisor, IUndefinedStepAdvisor>();
    }
}
