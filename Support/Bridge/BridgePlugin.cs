using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

namespace BddWs.Bridge;

/// <summary>
/// The bridge as a Reqnroll runtime plugin; the generator registers it in each test assembly.
/// A suite that needs a plugin of its own sets <c>BddWsBridgePlugin</c> to false and calls
/// <see cref="XunitBridge.Register"/> from it.
/// </summary>
public sealed class BridgePlugin : IRuntimePlugin
{
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration) =>
        XunitBridge.Register(runtimePluginEvents, unitTestProviderConfiguration);
}
