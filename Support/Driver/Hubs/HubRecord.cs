using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver.Json;

namespace BddWs.Driver.Hubs;

/// <summary>
/// One record of the JSON hub protocol as a recorded message reads: its kind and fields. The
/// handshake (request and answer) has no <c>"type"</c>; <see cref="IsHandshake"/> marks it.
/// </summary>
public sealed class HubRecord
{
    private static readonly ConditionalWeakTable<WebSocketMessage, HubRecord> Cache = new();

    private readonly JsonObject _record;

    private HubRecord(JsonObject record, HubRecordType? type)
    {
        _record = record;
        Type = type;
    }

    /// <summary>The record's kind; null for the handshake.</summary>
    public HubRecordType? Type { get; }

    public bool IsHandshake => Type is null;

    public string? InvocationId => Text("invocationId");

    public string? Target => Text("target");

    public JsonArray Arguments => _record["arguments"] as JsonArray ?? [];

    public IReadOnlyList<string> StreamIds => (_record["streamIds"] as JsonArray ?? []).Select(JsonText.Of).ToList();

    /// <summary>True when a completion carries a result (<c>null</c> is a result; no field is none).</summary>
    public bool HasResult => _record.ContainsKey("result");

    public JsonNode? Result => _record["result"];

    public JsonNode? Item => _record["item"];

    /// <summary>The error of a completion, a close or a handshake answer; null when there is none.</summary>
    public string? Error => Text("error");

    /// <summary>The handshake request's protocol and version: <c>json 1</c>.</summary>
    public string? Protocol => _record["protocol"] is { } protocol ? $"{JsonText.Of(protocol)} {JsonText.Of(_record["version"])}" : null;

    public bool AllowReconnect => _record["allowReconnect"] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>The record in a recorded message; false for a message that is not one (not a JSON object, or an unknown type).</summary>
    public static bool TryRead(WebSocketMessage message, out HubRecord record)
    {
        record = Cache.GetValue(message, Read)!;
        return !ReferenceEquals(record, None);
    }

    private static readonly HubRecord None = new([], null);

    private static HubRecord Read(WebSocketMessage message)
    {
        if (!ParsedMessages.TryGet(message, out var document) || document is not JsonObject record)
        {
            return None;
        }

        if (!record.ContainsKey("type"))
        {
            return new HubRecord(record, null);
        }

        return record["type"] is JsonValue value && value.TryGetValue<int>(out var type) && Enum.IsDefined((HubRecordType)type)
            ? new HubRecord(record, (HubRecordType)type)
            : None;
    }

    private string? Text(string field) => _record[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Whether the message is the protocol's plumbing: the handshake or a ping.</summary>
    public static bool IsPlumbing(WebSocketMessage message) =>
        message.IsText && !SurelyNotPlumbing(message.Bytes) &&
        TryRead(message, out var record) && (record.IsHandshake || record.Type == HubRecordType.Ping);

    /// <summary>
    /// True for an object with one <c>"type"</c>, a whole number other than a ping's: most records. Every
    /// received record is asked whether it is plumbing, and this answers without building the document
    /// (a record that is read anyway, by a hub sentence, is read once then); anything else is read in full.
    /// </summary>
    private static bool SurelyNotPlumbing(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var types = 0;
            var notPing = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType)
                {
                    types++;
                    notPing = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var type) && type != (int)HubRecordType.Ping;
                }

                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject && types == 1 && notPing;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
