using BddWs.Driver;
using BddWs.ReqnrollPlugin.Reporting;
using Reqnroll;

namespace BddWs.StepDefinitions.Hooks;

/// <summary>
/// Closes every connection of a scenario gracefully, whatever the scenario's outcome, and
/// reports the goodbyes that happen then.
/// </summary>
[Binding]
public sealed class ConnectionHooks(ScenarioConnections connections, Conversation conversation, IReqnrollOutputHelper output)
{
    [AfterScenario]
    public async Task CloseConnections()
    {
        var sessions = connections.Reported.ToList();
        await connections.DisposeAsync();
        conversation.Tell(sessions, "After the scenario", output);
    }
}
