using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace BddWs.Driver.GraphQl;

/// <summary>
/// One message of the <c>graphql-transport-ws</c> protocol, read: its <c>type</c>, the <c>id</c> of the
/// operation it belongs to, and its <c>payload</c> (an init payload, an operation, a result, errors).
/// </summary>
public sealed record GraphQlRecord(string Type, string? Id, JsonNode? Payload)
{
    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";

    /// <summary>The record a text message holds; false for binary messages, text that is not a JSON object, or one without a <c>type</c>.</summary>
    public static bool TryRead(WebSocketMessage message, [NotNullWhen(true)] out GraphQlRecord? record)
    {
        record = null;
        if (!message.IsText)
        {
            return false;
        }

        // Read from the message's one parse, which every JSON expectation shares: a record is asked about at every wait.
        if (Json.ParsedMessages.TryGet(message, out var document) && document is JsonObject json && json["type"] is JsonValue type && type.TryGetValue<string>(out var name))
        {
            record = new GraphQlRecord(name, json["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null, json["payload"]);
        }

        return record is not null;
    }

    /// <summary>True for what answers an operation: a result, its errors, its end.</summary>
    public bool AnswersAnOperation => Type is Next or Error or Complete;

    /// <summary>The text of a record to send.</summary>
    public string ToJson()
    {
        var json = new JsonObject();
        if (Id is not null)
        {
            json["id"] = Id;
        }

        json["type"] = Type;
        if (Payload is not null)
        {
            json["payload"] = Payload.DeepClone();
        }

        return json.ToJsonString();
    }
}
