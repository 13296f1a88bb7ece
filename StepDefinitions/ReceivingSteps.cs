using BddWs.Specs.Support;
using BddWs.Specs.Support.Assertions;
using BddWs.Specs.Support.Driver;
using Reqnroll;

namespace BddWs.Specs.StepDefinitions;

/// <summary>Expecting messages. Each waits up to the default timeout and returns as soon as it is satisfied.</summary>
[Binding]
public sealed class ReceivingSteps(WebSocketConnections connections, SuiteSettings settings)
{
    /// <summary>Some message received so far contains the text.</summary>
    /// <example>Then I receive a message containing "Hello"</example>
    [Then("I receive a message containing {string}")]
    public async Task MessageContaining(string text) =>
        (await connections.Default.WaitForAsync(Expect.MessageContaining(text), settings.Timeout)).Should().BeMet();

    /// <summary>Exactly this many messages have arrived since the connection opened.</summary>
    /// <example>Then I receive exactly 2 messages</example>
    [Then("I receive exactly {int} message(s)")]
    public async Task ExactCount(int count) =>
        (await connections.Default.WaitForAsync(Expect.MessageCount(count), settings.Timeout)).Should().BeMet();

    /// <summary>The message at that position (counted from the first received) contains the text.</summary>
    /// <example>Then the first message contains "Hello"</example>
    [Then("the {ordinal} message contains {string}")]
    public async Task MessageAtContaining(int position, string text) =>
        (await connections.Default.WaitForAsync(Expect.MessageAtContaining(position, text), settings.Timeout)).Should().BeMet();
}
