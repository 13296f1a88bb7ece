using BddWs.Driver;
using BddWs.StepDefinitions;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace MySpecs.StepDefinitions;

/// <summary>
/// Your team's own sentences, beside the BddWs ones: each drives the BddWs driver (or your code
/// in Support/) and asserts. Their summary and example appear in the step catalog.
/// </summary>
[Binding]
public sealed class ServiceSteps(ScenarioConnections connections, SuiteSettings settings)
{
    /// <summary>The service greets a newcomer: sends "hello" and expects a reply containing it.</summary>
    /// <example>Then I am greeted by the service</example>
    [Then("{who} am/is greeted by the service")]
    public async Task GreetedByTheService(ConnectionName who)
    {
        await connections[who].SendAsync(WebSocketMessage.FromText("hello"));
        await connections[who].ShouldMeetAsync(Expect.AnyMessage(MessageCheck.Containing("hello")), settings.Timeout);
    }
}
