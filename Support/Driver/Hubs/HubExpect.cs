namespace BddWs.Driver.Hubs;

/// <summary>
/// What hub sentences wait for, as <see cref="Expectation"/>s over the recorded hub records, so they
/// wait, ignore, settle and explain themselves as every other expectation does. What they saw
/// is told as hub records: <c>received 2 hub messages: [1] ReceiveMessage("a", "hi") [2] completion #1: 5</c>.
/// </summary>
public static class HubExpect
{
    /// <summary>A call of a client method by the hub that <paramref name="matches"/> accepts.</summary>
    public static Expectation Call(string described, Func<HubRecord, bool> matches) =>
        Hub(Expectation.Until($"a call {described}", events => events.ReceivedMessages().Any(m => Is(m, matches))))
            with { Matched = events => events.ReceivedMessages().FirstOrDefault(m => Is(m, matches)) };

    /// <summary>A question of the hub (a call that waits for the client's answer) that <paramref name="matches"/> accepts.</summary>
    public static Expectation Question(string described, Func<HubRecord, bool> matches) =>
        Call(described, record => record.InvocationId is not null && matches(record)) with { Description = $"a question {described}" };

    /// <summary>No such call, for the time given (a window in which it must not come).</summary>
    public static Expectation NoCall(string described, Func<HubRecord, bool> matches) => Hub(new Expectation(
        $"no call {described}",
        events => events.ReceivedMessages().Any(m => Is(m, matches)) ? Verdict.Failed : Verdict.Pending,
        MetWhenTimeIsUp: true));

    /// <summary>The completion of <paramref name="invocation"/> (the end of a stream too).</summary>
    public static Expectation Completion(HubInvocation invocation) => Hub(Expectation.Until(
        $"the completion of {invocation.Call} #{invocation.Id}",
        events => CompletionIn(events, invocation) is not null));

    /// <summary>The hub's close record (type 7).</summary>
    public static Expectation CloseRecord(string described, Func<HubRecord, bool> matches) => Hub(Expectation.Until(
        $"the hub to close the connection{described}",
        events => events.ReceivedMessages().Any(m => HubRecord.TryRead(m, out var r) && r.Type == HubRecordType.Close && matches(r))));

    /// <summary>The completion record of <paramref name="invocation"/> among <paramref name="events"/>, if it came.</summary>
    public static HubRecord? CompletionIn(IReadOnlyList<SessionEvent> events, HubInvocation invocation) => events.ReceivedMessages()
        .Select(m => HubRecord.TryRead(m, out var r) ? r : null)
        .FirstOrDefault(r => r?.Type == HubRecordType.Completion && r.InvocationId == invocation.Id);

    /// <summary>
    /// Where, among <paramref name="events"/>, the client asked the hub to stop <paramref name="stream"/>
    /// (its cancel record) and where the stream's completion came; -1 for what is not there.
    /// </summary>
    public static (int Cancel, int Completion) CancelAndCompletionIn(IReadOnlyList<SessionEvent> events, HubInvocation stream)
    {
        int cancel = -1, completion = -1;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is not MessageEvent { Message: var message } sent || !HubRecord.TryRead(message, out var record) || record.InvocationId != stream.Id)
            {
                continue;
            }

            if (cancel < 0 && sent.Direction == MessageDirection.Sent && record.Type == HubRecordType.CancelInvocation)
            {
                cancel = i;
            }
            else if (completion < 0 && sent.Direction == MessageDirection.Received && record.Type == HubRecordType.Completion)
            {
                completion = i;
            }
        }

        return (cancel, completion);
    }

    /// <summary>The items of a stream among <paramref name="events"/>, in the order they came.</summary>
    public static IReadOnlyList<System.Text.Json.Nodes.JsonNode?> ItemsIn(IReadOnlyList<SessionEvent> events, HubInvocation stream) => events.ReceivedMessages()
        .Select(m => HubRecord.TryRead(m, out var r) ? r : null)
        .Where(r => r?.Type == HubRecordType.StreamItem && r.InvocationId == stream.Id)
        .Select(r => r!.Item)
        .ToList();

    private static bool Is(WebSocketMessage message, Func<HubRecord, bool> matches) =>
        HubRecord.TryRead(message, out var record) && record.Type == HubRecordType.Invocation && matches(record);

    private static Expectation Hub(Expectation expectation) => expectation with
    {
        Seen = events => $"received {Format.ReceivedList(events.ReceivedMessages(), HubDialect.Instance)}",
    };
}
