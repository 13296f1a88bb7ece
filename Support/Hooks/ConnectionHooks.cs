using BddWs.Specs.Support.Driver;
using Reqnroll;

namespace BddWs.Specs.Support.Hooks;

/// <summary>Closes every connection of a scenario gracefully, whatever the scenario's outcome.</summary>
[Binding]
public sealed class ConnectionHooks(WebSocketConnections connections)
{
    [AfterScenario]
    public async Task CloseConnections() => await connections.DisposeAsync();
}
