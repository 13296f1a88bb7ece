namespace BddWs.Driver.Json;

/// <summary>The expectations about several messages and a JSON Schema; "some message" is <see cref="Expect.AnyMessage"/> with <see cref="JsonSchemaFile.Check"/>.</summary>
public static class SchemaExpect
{
    /// <summary>
    /// Every message so far matches the schema, and there is at least one: failed at the first that
    /// does not; met after a round trip to the server brought none that breaks it (<see cref="RoundTrip"/>).
    /// </summary>
    public static Expectation EveryMessage(JsonSchemaFile schema) => new Expectation(
        $"every message to match the {schema.Described}",
        events => events.ReceivedMessages() switch
        {
            var messages when messages.Any(m => schema.ErrorsIn(m).Count > 0) => Verdict.Failed,
            { Count: 0 } => Verdict.Pending,
            _ => Verdict.Met,
        })
    {
        SettlesByRoundTrip = true,
        Seen = events => Expectation.Received(events) + FirstBreaking(events.ReceivedMessages(), schema),
    };

    /// <summary>
    /// The last message received when the step runs (or the first, if none has come yet) matches the
    /// schema; judged, as every expectation, on the messages the connection does not ignore, so the
    /// message is <see cref="WebSocketSession.LastMessage"/>.
    /// </summary>
    public static Expectation LastMessage(JsonSchemaFile schema) => new Expectation(
        $"the last message to match the {schema.Described}",
        events => events.ReceivedMessages() switch
        {
            { Count: 0 } => Verdict.Pending,
            var messages => schema.ErrorsIn(messages[^1]).Count == 0 ? Verdict.Met : Verdict.Failed,
        })
    {
        Seen = events => Expectation.Received(events) + Breaking(events.ReceivedMessages(), events.ReceivedMessages().Count, schema),
        Matched = events => events.LastReceived(),
    };

    private static string FirstBreaking(IReadOnlyList<WebSocketMessage> messages, JsonSchemaFile schema)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (Breaking(messages, i + 1, schema) is { Length: > 0 } told)
            {
                return told;
            }
        }

        return "";
    }

    private static string Breaking(IReadOnlyList<WebSocketMessage> messages, int position, JsonSchemaFile schema) =>
        position >= 1 && position <= messages.Count && schema.ErrorsIn(messages[position - 1]) is { Count: > 0 } errors
            ? $"; message {position} {schema.Mismatch(errors)}"
            : "";
}
