using System.Text.Json.Nodes;

namespace BddWs.Driver.GraphQl;

/// <summary>
/// What GraphQL sentences wait for, as <see cref="Expectation"/>s over the recorded messages, so they wait,
/// ignore, settle and explain themselves as every other expectation does. What they saw is told in the
/// protocol's words: <c>received 2 GraphQL messages: [1] next #1 {"data":…} [2] complete #1</c>.
/// </summary>
public static class GraphQlExpect
{
    /// <summary>
    /// The result after those already judged of <paramref name="operation"/>: met when <paramref name="difference"/>
    /// finds none in its payload, failed when it differs, or when the operation failed or completed instead.
    /// A difference is a clause of its own: <c>it differs at $.data.x: expected 1, received 2</c>.
    /// </summary>
    public static Expectation NextResult(GraphQlOperation operation, string described, Func<JsonNode?, string?> difference)
    {
        var taken = operation.Taken;
        return new Expectation(
            $"the next result of {operation.Described} to be {described}",
            events => Candidate(events, operation, taken) switch
            {
                null => Verdict.Pending,
                ({ Type: GraphQlRecord.Next } record, _) when difference(record.Payload) is null => Verdict.Met,
                _ => Verdict.Failed,
            })
        {
            Seen = events => Candidate(events, operation, taken) switch
            {
                ({ Type: GraphQlRecord.Next } record, _) => $"it was {Format.Value(record.Payload)}; {difference(record.Payload)}",
                ({ Type: GraphQlRecord.Error } record, _) => $"it failed with {Errors(record)}",
                ({ Type: GraphQlRecord.Complete }, _) => "it completed",
                _ => Received(events),
            },
            Matched = events => Candidate(events, operation, taken)?.Message,
        };
    }

    /// <summary>
    /// The operation's errors, containing <paramref name="text"/>: an <c>error</c> message (the operation was
    /// refused) or a result whose <c>errors</c> say it (it failed while running).
    /// </summary>
    public static Expectation Failure(GraphQlOperation operation, string text) => new(
        $"{operation.Described} to fail with {Format.Quoted(text)}",
        events => First(events, operation, r => IsFailure(r) || r.Type == GraphQlRecord.Complete) switch
        {
            null => Verdict.Pending,
            var record when IsFailure(record) && Errors(record).Contains(text, StringComparison.Ordinal) => Verdict.Met,
            _ => Verdict.Failed,
        })
    {
        Seen = events => First(events, operation, r => IsFailure(r) || r.Type == GraphQlRecord.Complete) switch
        {
            { } record when IsFailure(record) => $"it failed with {Errors(record)}",
            { Type: GraphQlRecord.Complete } => "it completed without an error",
            _ => Received(events),
        },
    };

    /// <summary>The server's <c>complete</c> for <paramref name="operation"/>; an <c>error</c> instead fails at once.</summary>
    public static Expectation Completion(GraphQlOperation operation) => new(
        $"{operation.Described} to complete",
        events => First(events, operation, r => r.Type is GraphQlRecord.Complete or GraphQlRecord.Error) switch
        {
            null => Verdict.Pending,
            { Type: GraphQlRecord.Complete } => Verdict.Met,
            _ => Verdict.Failed,
        })
    {
        Seen = events => First(events, operation, r => r.Type == GraphQlRecord.Error) is { } error ? $"it failed with {Errors(error)}" : Received(events),
    };

    /// <summary>No result of <paramref name="operation"/> beyond those already judged, for the time given.</summary>
    public static Expectation NoFurtherResult(GraphQlOperation operation)
    {
        var taken = operation.Taken;
        return new Expectation(
            $"no further result of {operation.Described}",
            events => Results(events, operation).Count > taken ? Verdict.Failed : Verdict.Pending,
            MetWhenTimeIsUp: true)
        {
            Seen = events => $"it sent {Format.Value(Results(events, operation)[taken].Record.Payload)}",
        };
    }

    /// <summary><c>received 2 GraphQL messages: [1] next #1 {…} [2] complete #1</c>.</summary>
    public static string Received(IReadOnlyList<SessionEvent> events)
    {
        var messages = events.ReceivedMessages();
        if (messages.Count == 0)
        {
            return "received no GraphQL message";
        }

        var listed = messages.Take(Format.MaxListedEvents).Select((m, i) => $"[{i + 1}] {GraphQlDialect.Instance.Shown(m, MessageDirection.Received)}");
        var more = messages.Count > Format.MaxListedEvents ? $" … and {messages.Count - Format.MaxListedEvents} more" : "";
        return $"received {Format.Count(messages.Count, GraphQlDialect.Instance.RecordNoun)}: {string.Join(" ", listed)}{more}";
    }

    private static (GraphQlRecord Record, WebSocketMessage Message)? Candidate(IReadOnlyList<SessionEvent> events, GraphQlOperation operation, int taken)
    {
        var answers = Answers(events, operation);
        var results = 0;
        foreach (var answer in answers)
        {
            if (answer.Record.Type != GraphQlRecord.Next || results++ == taken)
            {
                return answer;
            }
        }

        return null;
    }

    private static GraphQlRecord? First(IReadOnlyList<SessionEvent> events, GraphQlOperation operation, Func<GraphQlRecord, bool> which) =>
        Answers(events, operation).Select(a => a.Record).FirstOrDefault(which);

    private static List<(GraphQlRecord Record, WebSocketMessage Message)> Results(IReadOnlyList<SessionEvent> events, GraphQlOperation operation) =>
        Answers(events, operation).Where(a => a.Record.Type == GraphQlRecord.Next).ToList();

    private static List<(GraphQlRecord Record, WebSocketMessage Message)> Answers(IReadOnlyList<SessionEvent> events, GraphQlOperation operation) =>
        events.ReceivedMessages()
            .Select(m => GraphQlRecord.TryRead(m, out var r) && r.Id == operation.Id && r.AnswersAnOperation ? (r, m) : ((GraphQlRecord, WebSocketMessage)?)null)
            .OfType<(GraphQlRecord, WebSocketMessage)>()
            .ToList();

    private static bool IsFailure(GraphQlRecord record) =>
        record.Type == GraphQlRecord.Error || (record.Type == GraphQlRecord.Next && record.Payload?["errors"] is JsonArray { Count: > 0 });

    /// <summary>The messages of an operation's errors, as a reader wants them: <c>"No order 7."</c>, without locations and codes.</summary>
    private static string Errors(GraphQlRecord record) =>
        (record.Type == GraphQlRecord.Error ? record.Payload : record.Payload?["errors"]) is JsonArray errors
            ? string.Join("; ", errors.Select(e => e?["message"] is JsonValue message && message.TryGetValue<string>(out var text) ? Format.Quoted(text) : Format.Value(e)))
            : Format.Value(record.Payload);
}
