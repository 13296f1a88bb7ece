using BddWs.Driver;
using BddWs.Driver.Hubs;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// SignalR hubs, client methods: what the hub calls on a connection (<c>ReceiveMessage("Alice", "hi")</c>),
/// and the hub's own close. Arguments compare as JSON values (numbers as numbers), by position. Every
/// sentence of a plain connection also works on hub records: "no further message", counts, "the next
/// message where …", remembering from "the message that matched".
/// </summary>
[Binding]
public sealed class HubMessageSteps(ScenarioConnections connections, SuiteSettings settings)
{
    /// <summary>The hub called this client method with exactly these arguments on the connection, at some point so far.</summary>
    /// <example>Then "Bob" receives ReceiveMessage("Alice", "hi")</example>
    [Then("{who} receive(s) {hub-call}{within}")]
    public Task Receives(ConnectionName who, HubCall call, Within within = default) =>
        connections[who].ShouldMeetAsync(HubExpect.Call(call.ToString(), call.IsMadeBy), within.Or(settings.Timeout));

    /// <summary>
    /// The hub called this client method with arguments that have these values: a <c>path</c> / <c>value</c>
    /// table whose paths start at the list of arguments (<c>$[0]</c> the first, <c>$[0].item</c> a field of it).
    /// </summary>
    /// <example>
    /// Then I receive a call to OrderCreated where:
    ///   | path        | value |
    ///   | $[0].item   | book  |
    ///   | $[0].status | created |
    /// </example>
    [Then("{who} receive(s){within} a call to {word} where:")]
    public Task ReceivesCallWhere(ConnectionName who, Within within, string target, DataTable table)
    {
        var expectations = PathValueTable.Expectations(table);
        return connections[who].ShouldMeetAsync(
            HubExpect.Call($"to {target} where {string.Join(" and ", expectations)}", r => r.Target == target && expectations.All(e => e.IsMetBy(r.Arguments))),
            within.Or(settings.Timeout));
    }

    /// <summary>
    /// Each of these connections received this call of a client method with exactly these arguments, judged one by
    /// one as for a single connection; a failure names every connection that did not, each with what it received.
    /// </summary>
    /// <example>Then "Bob" and "Carol" receive ReceiveMessage("ada", "hi")</example>
    [Then("{names} receive {hub-call}{within}")]
    public Task EachReceives(ConnectionNames names, HubCall call, Within within = default) =>
        names.In(connections).ShouldAllMeetAsync(() => HubExpect.Call(call.ToString(), call.IsMadeBy), within.Or(settings.Timeout));

    /// <summary>
    /// The hub does not call this client method with arguments that have these values (a <c>path</c> / <c>value</c>
    /// table as in "receives a call to … where:") for the whole time given: a call that comes later is not
    /// seen. A call to the method with other values is no failure.
    /// </summary>
    /// <example>
    /// Then "Carol" does not receive a call to ReceiveMessage within 500 ms where:
    ///   | path | value   |
    ///   | $[1] | just us |
    /// </example>
    /// <waits>the whole time given: it passes only if no such call came in it</waits>
    [Then("{who} do(es) not receive a call to {word} within {duration} where:")]
    public Task DoesNotReceiveCallWhere(ConnectionName who, string target, Duration within, DataTable table)
    {
        var expectations = PathValueTable.Expectations(table);
        return connections[who].ShouldMeetAsync(
            HubExpect.NoCall($"to {target} where {string.Join(" and ", expectations)}", r => r.Target == target && expectations.All(e => e.IsMetBy(r.Arguments))),
            within);
    }

    /// <summary>The hub does not call this client method with these arguments on the connection within the given time (it waits that long).</summary>
    /// <example>Then "Carol" does not receive ReceiveMessage("Alice", "hi") within 300 ms</example>
    /// <waits>the whole time given: it passes only if the call did not come in it</waits>
    [Then("{who} do(es) not receive {hub-call} within {duration}")]
    public Task DoesNotReceive(ConnectionName who, HubCall call, Duration within) =>
        connections[who].ShouldMeetAsync(HubExpect.NoCall(call.ToString(), call.IsMadeBy), within);

    /// <summary>The hub sent its close record with an error containing the text (SignalR's way to end a connection it will not keep).</summary>
    /// <example>Then the hub closes the connection with the error "Connection closed with an error."</example>
    [Then("the hub closes the connection with the error {string}{within}")]
    public Task ClosesWithError(string text, Within within = default) => connections.Default.ShouldMeetAsync(
        HubExpect.CloseRecord($" with the error {Format.Quoted(text)}", r => r.Error?.Contains(text, StringComparison.Ordinal) == true), within.Or(settings.Timeout));
}
