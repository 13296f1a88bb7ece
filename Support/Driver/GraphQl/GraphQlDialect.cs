using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BddWs.Driver.Dialects;

namespace BddWs.Driver.GraphQl;

/// <summary>
/// GraphQL over WebSocket, the <c>graphql-transport-ws</c> protocol of graphql-ws: one message per frame,
/// the connection's opening (<c>connection_init</c> / <c>connection_ack</c>) and the keep-alives
/// (<c>ping</c> / <c>pong</c>) are plumbing, and operations tie their results by the client's id. Records
/// read as <c>subscribe #1 OrderPlaced(customer: "ada")</c>, <c>next #1 {"data":…}</c>,
/// <c>error #1 [{"message":…}]</c>, <c>complete #1</c>.
/// </summary>
public sealed partial class GraphQlDialect : IDialect
{
    /// <summary>The subprotocol a client asks for.</summary>
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>The one instance every GraphQL connection shares: a dialect holds no state of a connection.</summary>
    public static GraphQlDialect Instance { get; } = new();

    public string RecordNoun => "GraphQL message";

    public IReadOnlyList<string> Split(string frame) => [frame];

    public string Frame(string record) => record;

    public bool IsPlumbing(WebSocketMessage record) =>
        GraphQlRecord.TryRead(record, out var read) && read.Type is GraphQlRecord.ConnectionInit or GraphQlRecord.ConnectionAck or GraphQlRecord.Ping or GraphQlRecord.Pong;

    public string Shown(WebSocketMessage record, MessageDirection direction)
    {
        if (!GraphQlRecord.TryRead(record, out var read))
        {
            return $"{Format.Message(record)} (not a GraphQL message)";
        }

        var id = read.Id is { } given ? $" #{given}" : "";
        return read.Type switch
        {
            GraphQlRecord.Subscribe => $"subscribe{id} {Operation(read.Payload)}",
            GraphQlRecord.Next or GraphQlRecord.Error => $"{read.Type}{id} {Format.Value(read.Payload)}",
            GraphQlRecord.Complete => $"complete{id}",
            _ when read.Payload is not null => $"{read.Type}{id} {Format.Value(read.Payload)}",
            _ => $"{read.Type}{id}",
        };
    }

    public string? ReplyId(WebSocketMessage record) => GraphQlRecord.TryRead(record, out var read) ? read.Id : null;

    /// <summary>
    /// A contract describes the service's results, so it holds the payload of a <c>next</c> (<c>{"data": …}</c>)
    /// to its schemas; subscribing, errors and completion are the protocol's and are not checked.
    /// </summary>
    public WebSocketMessage? PayloadOf(WebSocketMessage record) =>
        GraphQlRecord.TryRead(record, out var read) && read.Type == GraphQlRecord.Next && read.Payload is { } payload
            ? WebSocketMessage.FromText(payload.ToJsonString())
            : null;

    /// <summary>
    /// An operation as a reader names it: its operation name (or, without one, the name the query gives it,
    /// or its first field) and its variables, <c>OrderPlaced(customer: "ada")</c>.
    /// </summary>
    public static string Operation(JsonNode? payload)
    {
        var query = payload?["query"]?.GetValue<string>() ?? "";
        var name = payload?["operationName"] is JsonValue given && given.TryGetValue<string>(out var operationName)
            ? operationName
            : NamedOperation().Match(query) is { Success: true } named ? named.Groups["name"].Value
            : FirstField().Match(query) is { Success: true } field ? field.Groups["name"].Value
            : "operation";
        var variables = payload?["variables"] is JsonObject values
            ? string.Join(", ", values.Select(v => $"{v.Key}: {Format.Value(v.Value)}"))
            : "";
        return $"{name}({variables})";
    }

    [GeneratedRegex(@"^\s*(?:query|mutation|subscription)\s+(?<name>[_A-Za-z][_0-9A-Za-z]*)")]
    private static partial Regex NamedOperation();

    [GeneratedRegex(@"\{\s*(?<name>[_A-Za-z][_0-9A-Za-z]*)")]
    private static partial Regex FirstField();
}
