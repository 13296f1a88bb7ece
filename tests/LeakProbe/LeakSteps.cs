using System.Net.WebSockets;
using BddWs.Specs.Support.Server;
using Reqnroll;

namespace LeakProbe;

[Binding]
public sealed class LeakSteps(ServerUnderTest server)
{
    // Held for the whole run, out of reach of the after-scenario clean-up: the leak to be found.
    private static readonly List<ClientWebSocket> Leaked = [];

    [Given("a connection the scenario never closes")]
    public async Task LeaveOpen()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.EchoUrl, CancellationToken.None);
        Leaked.Add(socket);
    }
}
