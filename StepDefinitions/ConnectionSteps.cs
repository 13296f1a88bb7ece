using BddWs.Specs.Support.Driver;
using Reqnroll;

namespace BddWs.Specs.StepDefinitions;

/// <summary>Opening connections.</summary>
[Binding]
public sealed class ConnectionSteps(WebSocketConnections connections)
{
    /// <summary>Opens the scenario's connection to the echo endpoint of the server under test.</summary>
    /// <example>Given I am connected to the echo server</example>
    [Given("I am connected to the echo server")]
    [Given("I am connected")]
    public async Task ConnectToEcho() => await connections.ConnectAsync();
}
