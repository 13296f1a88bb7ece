using BddWs.Specs.Support.Driver;
using BddWs.Specs.Support.Reporting;
using Reqnroll;

namespace BddWs.Specs.Support.Hooks;

/// <summary>
/// Closes every connection of a scenario gracefully, whatever the scenario's outcome, and
/// reports the goodbyes that happen then.
/// </summary>
[Binding]
public sealed class ConnectionHooks(WebSocketConnections connections, Conversation conversation, IReqnrollOutputHelper output)
{
    [AfterScenario]
    public async Task CloseConnections()
    {
        var sessions = connections.All.ToList();
        await connections.DisposeAsync();
        foreach (var line in conversation.NewLines(sessions, "After the scenario"))
        {
            output.WriteLine(line);
        }
    }
}
