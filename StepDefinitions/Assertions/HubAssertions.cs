using System.Text.Json.Nodes;
using BddWs.Driver;
using BddWs.Driver.Hubs;
using BddWs.Driver.Json;

namespace BddWs.StepDefinitions.Assertions;

/// <summary>
/// How the end of an invocation or a stream is judged, in the hub's words:
/// <c>Expected the invocation Add(2, 3) #1 to return 6, but it returned 5.</c>
/// </summary>
public static class HubAssertions
{
    /// <summary>Waits for the completion of <paramref name="invocation"/>; fails, naming what did arrive, when none comes in time.</summary>
    public static async Task<(HubRecord Completion, IReadOnlyList<SessionEvent> Events)> CompletionAsync(
        this HubConnection hub, HubInvocation invocation, TimeSpan within)
    {
        var outcome = await hub.Session.WaitForAsync(HubExpect.Completion(invocation), within);
        outcome.Should().BeMet();
        return (HubExpect.CompletionIn(outcome.Events, invocation)!, outcome.Events);
    }

    /// <summary>The invocation returned a result equal to <paramref name="expected"/> (numbers compare as numbers).</summary>
    public static async Task ShouldReturnAsync(this HubConnection hub, HubInvocation invocation, JsonNode? expected, TimeSpan within)
    {
        var (completion, _) = await hub.CompletionAsync(invocation, within);
        Verify.That(
            completion.Error is null && completion.HasResult && JsonComparison.Of(expected, completion.Result, extraFieldsAllowed: false).Matches,
            () => $"Expected {invocation} to return {Format.Value(expected)}, but {Ended(completion)}.");
    }

    /// <summary>The invocation returned a result that <paramref name="pattern"/> accepts; its <c>(remember …)</c> placeholders are then remembered.</summary>
    public static async Task<WebSocketMessage> ShouldReturnAsync(this HubConnection hub, HubInvocation invocation, JsonDocumentPattern pattern, TimeSpan within)
    {
        var (completion, _) = await hub.CompletionAsync(invocation, within);
        // The pattern compares messages: the result is given as one.
        var result = WebSocketMessage.FromText(completion.Result?.ToJsonString() ?? "null");
        var comparison = completion.Error is null && completion.HasResult ? pattern.CompareWith(result) : null;
        Verify.That(
            comparison?.Matches == true,
            () => $"Expected {invocation} to return {pattern.Text}, but {Ended(completion)}{(comparison?.FirstDifference is { } where ? $"; it {where}" : "")}.");
        return result;
    }

    /// <summary>The invocation failed with an error containing <paramref name="text"/>.</summary>
    public static async Task ShouldFailWithAsync(this HubConnection hub, HubInvocation invocation, string text, TimeSpan within)
    {
        var (completion, events) = await hub.CompletionAsync(invocation, within);
        Verify.That(
            completion.Error?.Contains(text, StringComparison.Ordinal) == true,
            () => $"Expected {invocation} to fail with {Format.Quoted(text)}, but {(invocation.IsStream ? StreamEnded(completion, HubExpect.ItemsIn(events, invocation)) : Ended(completion))}.");
    }

    /// <summary>The stream yielded exactly <paramref name="expected"/>, in order, and completed without an error.</summary>
    public static async Task ShouldYieldAsync(this HubConnection hub, HubInvocation stream, JsonArray expected, TimeSpan within)
    {
        var (completion, events) = await hub.CompletionAsync(stream, within);
        var items = HubExpect.ItemsIn(events, stream);
        Verify.That(
            completion.Error is null && HubValues.Compare(expected, items).Matches,
            () => $"Expected {stream} to yield {HubValues.Show(expected)} and complete, but {StreamEnded(completion, items)}.");
    }

    /// <summary>The stream completed without an error, whatever it yielded.</summary>
    public static async Task ShouldCompleteAsync(this HubConnection hub, HubInvocation stream, TimeSpan within)
    {
        var (completion, events) = await hub.CompletionAsync(stream, within);
        Verify.That(
            completion.Error is null,
            () => $"Expected {stream} to complete, but {StreamEnded(completion, HubExpect.ItemsIn(events, stream))}.");
    }

    /// <summary>
    /// The client asked the hub to stop the stream, and the hub then ended it without an error (SignalR's servers
    /// end a cancelled stream with a plain completion); a stream that ended before the cancel was not cancelled.
    /// </summary>
    public static async Task ShouldBeCancelledAsync(this HubConnection hub, HubInvocation stream, TimeSpan within)
    {
        Verify.That(
            HubExpect.CancelAndCompletionIn(hub.Session.Log.Snapshot(), stream).Cancel >= 0,
            () => $"Expected {stream} to be cancelled, but it was never asked to stop; cancel it first (When I cancel the stream).");
        var (completion, events) = await hub.CompletionAsync(stream, within);
        var (cancel, ended) = HubExpect.CancelAndCompletionIn(events, stream);
        var items = HubExpect.ItemsIn(events, stream);
        Verify.That(
            ended > cancel && completion.Error is null,
            () => ended < cancel
                ? $"Expected {stream} to be cancelled, but {StreamEnded(completion, items)} before it was asked to stop."
                : $"Expected {stream} to be cancelled, but {StreamEnded(completion, items)}.");
    }

    private static string Ended(HubRecord completion) =>
        completion.Error is { } error ? $"it failed: {Format.Clause(error)}"
        : completion.HasResult ? $"it returned {Format.Value(completion.Result)}"
        : "it returned nothing";

    private static string StreamEnded(HubRecord completion, IReadOnlyList<JsonNode?> items) =>
        $"it yielded {HubValues.Show(items)} and {(completion.Error is { } error ? $"failed: {Format.Clause(error)}" : "completed")}";
}
