using BddWs.Specs.Support.Driver;
using Reqnroll;

namespace BddWs.Specs.StepDefinitions;

/// <summary>Sending messages.</summary>
[Binding]
public sealed class SendingSteps(WebSocketConnections connections)
{
    /// <summary>Sends one text message on the scenario's connection.</summary>
    /// <example>When I send "Hello"</example>
    [When("I send {string}")]
    public async Task SendText(string text) => await connections.Default.SendAsync(WebSocketMessage.FromText(text));
}
