using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace BddWs.Driver.GraphQl;

/// <summary>
/// A GraphQL connection (<c>graphql-transport-ws</c>) over a recorded <see cref="WebSocketSession"/>: each
/// protocol message is one recorded message, so every sentence of a plain connection applies. Opening sends
/// <c>connection_init</c> with the scenario's payload and waits for <c>connection_ack</c>; the server's pings
/// are answered with pongs at once. Operation ids are the client's, counted from 1. A result, error or
/// completion for an id the client never used breaks the protocol: the connection closes with 4400, as
/// graphql-ws's protocol closes on an invalid message, and the waiting step fails, saying so; so does a
/// message the protocol does not have (the older protocol's <c>data</c>, text that is not JSON). Nothing
/// reconnects it on its own.
/// </summary>
public sealed class GraphQlConnection : IDisposable
{
    /// <summary>The close code graphql-transport-ws gives an invalid message.</summary>
    public const WebSocketCloseStatus BadRequest = (WebSocketCloseStatus)4400;

    private readonly ConcurrentDictionary<string, GraphQlOperation> _operations = new(StringComparer.Ordinal);
    private int _lastId;

    public GraphQlConnection(WebSocketSession session)
    {
        Session = session;
        session.Received += OnReceived;
    }

    public WebSocketSession Session { get; }

    /// <summary>How the server broke the protocol, once it did.</summary>
    public string? Breach { get; private set; }

    /// <summary>
    /// Sends <c>connection_init</c> (with <paramref name="payload"/>, when given) and waits for
    /// <c>connection_ack</c>: a close, another message or no answer within <paramref name="within"/> throws, saying which.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The server did not acknowledge the connection.</exception>
    public async Task InitAsync(JsonNode? payload, TimeSpan within)
    {
        await SendAsync(new GraphQlRecord(GraphQlRecord.ConnectionInit, null, payload));
        var seen = await Session.Log.WaitUntilAsync(events => Answer(events) is not null || events.CloseEvent() is not null, within);
        var answer = Answer(seen.Events);
        var reason = answer is null
            ? seen.Events.CloseEvent() is { } close
                ? $"the server closed the connection ({Format.Close(close.Status, close.Reason)}) instead of acknowledging connection_init"
                : $"no connection_ack within {Format.Duration(within)}"
            : !GraphQlRecord.TryRead(answer, out var record) || record.Type != GraphQlRecord.ConnectionAck
                ? $"the server answered connection_init with {GraphQlDialect.Instance.Shown(answer, MessageDirection.Received)}, not connection_ack"
                : null;
        if (reason is not null)
        {
            throw new ConnectionFailedException(new ConnectionAttempt(Session.Url, ConnectionOutcome.Failed, null, $"Could not connect to the GraphQL endpoint {Session.DisplayUrl}: {reason}.") { Reason = reason });
        }
    }

    /// <summary>Starts an operation (<c>subscribe</c>): a subscription, or a query or mutation that answers once.</summary>
    public async Task<GraphQlOperation> StartAsync(string name, string query, JsonObject? variables)
    {
        Json.JsonPlaceholder.RefuseIn(variables, "The JSON of the variables");
        var id = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
        var payload = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            payload["variables"] = variables.DeepClone();
        }

        var operation = new GraphQlOperation(Session.Name, id, name, GraphQlDialect.Operation(payload));
        _operations[id] = operation;
        await SendAsync(new GraphQlRecord(GraphQlRecord.Subscribe, id, payload));
        return operation;
    }

    /// <summary>Tells the server the client stops listening to <paramref name="operation"/> (<c>complete</c> from the client).</summary>
    public Task CompleteAsync(GraphQlOperation operation) => SendAsync(new GraphQlRecord(GraphQlRecord.Complete, operation.Id, null));

    /// <summary>Stops answering pings and watching ids.</summary>
    public void Dispose() => Session.Received -= OnReceived;

    private static WebSocketMessage? Answer(IReadOnlyList<SessionEvent> events) =>
        events.ReceivedMessages().FirstOrDefault(m => !GraphQlRecord.TryRead(m, out var r) || r.Type != GraphQlRecord.Ping);

    private void OnReceived(WebSocketMessage message)
    {
        if (!GraphQlRecord.TryRead(message, out var record))
        {
            Broken(message.IsText ? "a text that is not a GraphQL message" : "a binary message, which the protocol does not have");
        }
        else if (record.Type == GraphQlRecord.Ping)
        {
            _ = QuietlyAsync(() => SendAsync(new GraphQlRecord(GraphQlRecord.Pong, null, null)));
        }
        else if (record.AnswersAnOperation && (record.Id is null || !_operations.ContainsKey(record.Id)))
        {
            Broken($"{record.Type} for {(record.Id is null ? "no id" : $"#{record.Id}")}, an operation the client never started");
        }
        else if (!record.AnswersAnOperation && record.Type is not (GraphQlRecord.ConnectionAck or GraphQlRecord.Pong))
        {
            Broken($"a message of type {record.Type}, which graphql-transport-ws does not have");
        }
    }

    /// <summary>Closes as the protocol closes on an invalid message (4400), saying why; once.</summary>
    private void Broken(string why)
    {
        lock (_operations)
        {
            if (Breach is not null)
            {
                return;
            }

            // A close reason holds at most 123 bytes.
            Breach = why.Length > 120 ? why[..120] : why;
        }

        _ = QuietlyAsync(() => Session.CloseAsync(BadRequest, Breach));
    }

    private static async Task QuietlyAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is InvalidOperationException or DeadlineExceededException or WebSocketException)
        {
            // The connection closed meanwhile: the record tells it.
        }
    }

    private Task SendAsync(GraphQlRecord record) => Session.SendAsync(WebSocketMessage.FromText(record.ToJson()));
}
