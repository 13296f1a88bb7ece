using System.Net.WebSockets;
using BddWs.Specs.Support;
using BddWs.Specs.Support.Assertions;
using BddWs.Specs.Support.Driver;
using Reqnroll;

namespace BddWs.Specs.StepDefinitions;

/// <summary>Closing connections, and how they were closed.</summary>
[Binding]
public sealed class ClosingSteps(WebSocketConnections connections, SuiteSettings settings)
{
    /// <summary>The server ends the connection with this close status (a number or a name).</summary>
    /// <example>Then the server closes the connection with status 1000</example>
    [Then("the server closes the connection with status {close-status}")]
    public async Task ServerCloses(WebSocketCloseStatus status) =>
        (await connections.Default.WaitForAsync(Expect.ServerClose(status), settings.Timeout)).Should().BeMet();
}
