using BddWs.Driver;
using BddWs.Driver.Hubs;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// SignalR hubs, streams: a hub method that sends a stream of items (<c>Countdown(3, 10)</c>), and one
/// that takes a stream from the client (<c>Sum</c>). A stream started is "the invocation" too.
/// </summary>
[Binding]
public sealed class HubStreamSteps(ScenarioHubs hubs, SuiteSettings settings)
{
    /// <summary>Calls a hub method that streams items back (a stream invocation).</summary>
    /// <example>When I stream Countdown(3, 10)</example>
    /// <waits>no: it starts the stream and goes on; `Then the stream yields … and completes` or `… fails with …` waits for it</waits>
    [When("{who} stream(s) {hub-call}")]
    public async Task Stream(ConnectionName who, HubCall call) => hubs.Made(await hubs[who].StreamAsync(call));

    /// <summary>Calls a hub method that takes a stream, and streams these values to it, then ends the stream; "the invocation returns …" then judges its result.</summary>
    /// <example>When I stream 1, 2 and 3 to Sum</example>
    [When("{who} stream(s) {hub-values} to {word}")]
    public async Task StreamTo(ConnectionName who, HubValueList values, string target) =>
        hubs.Made(await hubs[who].StreamToAsync(target, values.Values));

    /// <summary>The latest stream yielded exactly these items, in order (or <c>nothing</c>), and then completed without an error.</summary>
    /// <example>Then the stream yields 3, 2 and 1 and completes</example>
    [Then("the stream yields {hub-values} and completes{within}")]
    public Task YieldsAndCompletes(HubValueList items, Within within = default)
    {
        var stream = hubs.Last(stream: true);
        return hubs.Of(stream).ShouldYieldAsync(stream, items.Values, within.Or(settings.Timeout));
    }

    /// <summary>The latest stream completed without an error, whatever items it yielded (a cancelled stream completes too).</summary>
    /// <example>Then the stream completes</example>
    [Then("the stream completes{within}")]
    public Task Completes(Within within = default)
    {
        var stream = hubs.Last(stream: true);
        return hubs.Of(stream).ShouldCompleteAsync(stream, within.Or(settings.Timeout));
    }

    /// <summary>
    /// The latest stream was cancelled ("I cancel the stream") and the hub then ended it without an error,
    /// whatever items it yielded; a stream that ended on its own before the cancel was not cancelled.
    /// </summary>
    /// <example>Then the stream was cancelled</example>
    [Then("the stream was cancelled{within}")]
    public Task WasCancelled(Within within = default)
    {
        var stream = hubs.Last(stream: true);
        return hubs.Of(stream).ShouldBeCancelledAsync(stream, within.Or(settings.Timeout));
    }

    /// <summary>The latest stream ended with an error containing the text.</summary>
    /// <example>Then the stream fails with "cannot count down from a negative number"</example>
    [Then("the stream fails with {string}{within}")]
    public Task FailsWith(string text, Within within = default)
    {
        var stream = hubs.Last(stream: true);
        return hubs.Of(stream).ShouldFailWithAsync(stream, text, within.Or(settings.Timeout));
    }

    /// <summary>Asks the hub to stop the latest stream; its completion follows.</summary>
    /// <example>When I cancel the stream</example>
    [When("I cancel the stream")]
    public Task Cancel()
    {
        var stream = hubs.Last(stream: true);
        return hubs.Of(stream).CancelAsync(stream);
    }
}
