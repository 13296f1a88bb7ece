using System.Text.Json.Nodes;

namespace BddWs.Driver.Hubs;

/// <summary>
/// Hub records in the words of the report and of failures: <c>ReceiveMessage("Alice", "hi")</c>,
/// <c>completion #3: 42</c>, <c>item #5: 3</c>; values as JSON, text in double quotes as a
/// feature writes it, long ones shortened.
/// </summary>
public static class HubShown
{

    /// <summary><c>Add(2, 3)</c>.</summary>
    public static string Call(string? target, JsonArray arguments) => $"{target}({string.Join(", ", arguments.Select(Format.Value))})";

    /// <summary>What a received or sent record is, without a direction: <c>ReceiveMessage("a", "hi")</c>, <c>completion #1: 5</c>.</summary>
    public static string Record(WebSocketMessage message)
    {
        if (!HubRecord.TryRead(message, out var record))
        {
            return $"{Format.Message(message)} (not a hub record)";
        }

        var id = record.InvocationId is { } invocationId ? $" #{invocationId}" : "";
        return record.Type switch
        {
            null when record.Protocol is { } protocol => $"handshake {protocol}",
            null when record.Error is { } error => $"handshake refused: {Format.Clause(error)}",
            null => "handshake ok",
            HubRecordType.Invocation when record.StreamIds.Count > 0 => $"{Call(record.Target, record.Arguments)}{id} with stream {string.Join(", ", record.StreamIds.Select(s => $"#{s}"))}",
            // Received with an id, an invocation is the hub's question, waiting for the client's answer.
            HubRecordType.Invocation when record.InvocationId is not null => $"question {Call(record.Target, record.Arguments)}{id}",
            HubRecordType.Invocation => Call(record.Target, record.Arguments),
            HubRecordType.StreamInvocation => $"stream {Call(record.Target, record.Arguments)}{id}",
            HubRecordType.StreamItem => $"item{id}: {Format.Value(record.Item)}",
            HubRecordType.Completion when record.Error is { } error => $"completion{id} failed: {Format.Clause(error)}",
            HubRecordType.Completion when record.HasResult => $"completion{id}: {Format.Value(record.Result)}",
            HubRecordType.Completion => $"completion{id}",
            HubRecordType.CancelInvocation => $"cancel{id}",
            HubRecordType.Ping => "ping",
            _ => record.Error is { } reason ? $"close: {Format.Clause(reason)}{(record.AllowReconnect ? " (reconnect allowed)" : "")}" : "close",
        };
    }

    /// <summary>
    /// A record the client sent, as the report tells it: <c>invoke Add(2, 3) #1</c>, <c>stream Countdown(3, 10) #2</c>;
    /// a completion with a result or an error answers the hub's question: <c>answer #1: true</c>, <c>answer #1 failed: out of stock</c>.
    /// </summary>
    public static string Sent(WebSocketMessage message)
    {
        if (!HubRecord.TryRead(message, out var record))
        {
            return Record(message);
        }

        var id = record.InvocationId is { } invocationId ? $" #{invocationId}" : "";
        return record.Type switch
        {
            HubRecordType.Invocation when record.StreamIds.Count > 0 => $"invoke {Record(message)}",
            HubRecordType.Invocation => $"{(record.InvocationId is null ? "send" : "invoke")} {Call(record.Target, record.Arguments)}{id}",
            HubRecordType.Completion when record.Error is { } error => $"answer{id} failed: {error}",
            HubRecordType.Completion when record.HasResult => $"answer{id}: {Format.Value(record.Result)}",
            _ => Record(message),
        };
    }
}
