using System.Net.WebSockets;
using BddWs.Driver;
using Reqnroll;

namespace LeakProbe;

[Binding]
public sealed class LeakSteps(ServerUnderTest server, ServiceInstances instances)
{
    /// <summary>Names the instance of the service to leave the connection on, instead of the server under test.</summary>
    public const string InstanceVariable = "LEAK_ON_INSTANCE";

    // Held for the whole run, out of reach of the after-scenario clean-up: the leak to be found.
    private static readonly List<ClientWebSocket> Leaked = [];

    [Given("a connection the scenario never closes")]
    public async Task LeaveOpen()
    {
        var socket = new ClientWebSocket();
        var url = Environment.GetEnvironmentVariable(InstanceVariable) is { Length: > 0 } instance
            ? instances.Resolve(instance, "/ws")
            : server.EchoUrl;
        await socket.ConnectAsync(url, CancellationToken.None);
        Leaked.Add(socket);
    }
}
