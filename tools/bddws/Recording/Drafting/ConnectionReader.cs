using System.Text.Json.Nodes;
using System.Web;
using BddWs.Driver.SocketIo;
using Packet = BddWs.Driver.SocketIo.SocketIoPacket;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// One recorded connection read in its dialect: plain messages (heartbeats left out by one rule),
/// a SignalR hub's records, GraphQL over WebSocket's messages, Socket.IO's packets. What is only
/// the protocol's plumbing (handshakes, pings, acknowledgements of the connection) is left out.
/// </summary>
internal sealed class ConnectionReader
{
    private readonly DraftConnection _connection;
    private readonly WebSocketOpened _opened;
    private readonly (string? Path, string Value)? _heartbeat;
    private readonly Dictionary<string, HubInvokeItem> _invocations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HubStreamItem> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _questions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphQlItem> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SocketIoEmitItem> _emits = [];
    private ConnectItem? _connect;

    public ConnectionReader(DraftConnection connection, WebSocketOpened opened, IReadOnlyList<WebSocketFrame> frames)
    {
        _connection = connection;
        _opened = opened;
        if (connection.Dialect == Dialect.Plain)
        {
            _heartbeat = Heartbeats.Of(frames.Where(f => !f.FromClient).ToList());
        }
    }

    public IEnumerable<DraftItem> Opened()
    {
        var query = HttpUtility.ParseQueryString(_opened.Url.Query);
        var path = SessionReader.PathOf(_opened.Url);
        _connect = new ConnectItem(_connection, path) { Subprotocol = _opened.Subprotocol };
        _connect.Headers.AddRange(SentHeaders.Of(_opened.RequestHeaders));
        switch (_connection.Dialect)
        {
            case Dialect.Hub:
                // The connection id (id=) was the negotiation's; the token a hub client sends as access_token.
                _connect.Path = _opened.Url.AbsolutePath;
                _connect.AccessToken = query["access_token"];
                break;
            case Dialect.SocketIo:
                _connect.Path = "/";
                break;
            case Dialect.GraphQl:
                _connect.Subprotocol = null;
                break;
        }

        yield return _connect;
        if (_heartbeat is { } rule)
        {
            yield return new IgnoreItem(_connection, rule.Path, rule.Value);
        }
    }

    public IEnumerable<DraftItem> Frame(WebSocketFrame frame) => _connection.Dialect switch
    {
        Dialect.Hub when !frame.Binary => HubRecords(frame),
        Dialect.GraphQl when !frame.Binary => GraphQlMessage(frame),
        Dialect.SocketIo when !frame.Binary => SocketIoPacket(frame),
        _ when _heartbeat is { } rule && !frame.FromClient && Heartbeats.Matches(rule, frame) => [],
        _ => [new MessageItem(_connection, frame.FromClient, frame.Payload, frame.Binary)],
    };

    public IEnumerable<DraftItem> Closed(WebSocketClosed closed)
    {
        // A dialect's connection is closed by the scenario's end; a plain one as it was.
        if (_connection.Dialect == Dialect.Plain && closed.Status is { } status)
        {
            yield return new CloseItem(_connection, closed.ByClient, status, closed.Reason);
        }
    }

    private IEnumerable<DraftItem> HubRecords(WebSocketFrame frame)
    {
        foreach (var text in BddWs.Driver.Hubs.HubFraming.Split(frame.Payload))
        {
            if (DraftJson.TryParse(text) is not JsonObject record || record["type"] is not JsonValue typeValue || !typeValue.TryGetValue<int>(out var type))
            {
                continue;
            }

            var id = DraftJson.Text(record["invocationId"]);
            var target = DraftJson.Text(record["target"]);
            var arguments = record["arguments"] as JsonArray ?? [];
            record.Remove("arguments");
            switch (type)
            {
                case 1 when frame.FromClient && target is not null:
                    var invocation = new HubInvokeItem(_connection, target, arguments, id);
                    if (id is not null)
                    {
                        _invocations[id] = invocation;
                    }

                    yield return invocation;
                    break;
                case 1 when !frame.FromClient && target is not null:
                    if (id is not null)
                    {
                        _questions[id] = target;
                    }

                    yield return new HubReceiveItem(_connection, target, arguments, question: id is not null);
                    break;
                case 4 when frame.FromClient && target is not null && id is not null:
                    var stream = new HubStreamItem(_connection, target, arguments);
                    _streams[id] = stream;
                    yield return stream;
                    break;
                case 2 when !frame.FromClient && id is not null && _streams.TryGetValue(id, out var streaming):
                    streaming.Items.Add(record["item"]?.DeepClone());
                    break;
                case 3 when !frame.FromClient && id is not null && _streams.TryGetValue(id, out var ended):
                    ended.Error = DraftJson.Text(record["error"]);
                    ended.Completed = ended.Error is null;
                    break;
                case 3 when !frame.FromClient && id is not null && _invocations.TryGetValue(id, out var completed):
                    completed.Error = DraftJson.Text(record["error"]);
                    completed.HasResult = record.ContainsKey("result");
                    completed.Result = record["result"]?.DeepClone();
                    break;
                case 3 when frame.FromClient && id is not null && _questions.TryGetValue(id, out var asked) && !_connect!.HubAnswers.Any(a => a.Method == asked):
                    _connect.HubAnswers.Add((asked, record["result"]?.DeepClone(), DraftJson.Text(record["error"])));
                    break;
                case 7 when !frame.FromClient && DraftJson.Text(record["error"]) is { } error:
                    yield return new HubClosedItem(_connection, error);
                    break;
            }
        }
    }

    private IEnumerable<DraftItem> GraphQlMessage(WebSocketFrame frame)
    {
        if (DraftJson.TryParse(frame.Payload) is not JsonObject message || DraftJson.Text(message["type"]) is not { } type)
        {
            yield break;
        }

        var id = DraftJson.Text(message["id"]) ?? "";
        var payload = message["payload"];
        switch (type)
        {
            case "connection_init" when frame.FromClient && payload is JsonObject { Count: > 0 }:
                _connect!.Payload = payload.DeepClone();
                break;
            case "subscribe" when frame.FromClient && DraftJson.Text(payload?["query"]) is { } query:
                var subscription = query.TrimStart().StartsWith("subscription", StringComparison.OrdinalIgnoreCase);
                var name = DraftJson.Text(payload?["operationName"]) ?? $"subscription {id}";
                var variables = payload?["variables"] is JsonObject { Count: > 0 } given ? given.DeepClone() : null;
                var operation = new GraphQlItem(_connection, name, query.Trim(), variables, subscription);
                _operations[id] = operation;
                yield return operation;
                break;
            case "next" when !frame.FromClient && _operations.TryGetValue(id, out var answered):
                yield return new GraphQlResultItem(_connection, answered, payload?.DeepClone(), null, completed: false);
                break;
            case "error" when !frame.FromClient && _operations.TryGetValue(id, out var failed):
                var reason = payload is JsonArray errors ? DraftJson.Text(errors.FirstOrDefault()?["message"]) : DraftJson.Text(payload?["message"]);
                yield return new GraphQlResultItem(_connection, failed, null, reason ?? "", completed: false);
                break;
            case "complete" when !frame.FromClient && _operations.TryGetValue(id, out var ended) && ended.IsSubscription:
                yield return new GraphQlResultItem(_connection, ended, null, null, completed: true);
                break;
            case "complete" when frame.FromClient && _operations.TryGetValue(id, out var stopped):
                yield return new GraphQlStopItem(_connection, stopped);
                break;
        }
    }

    private IEnumerable<DraftItem> SocketIoPacket(WebSocketFrame frame)
    {
        // Only Engine.IO messages carry Socket.IO packets; its open, pings and pongs are plumbing.
        if (!Packet.TryRead(frame.Payload, out var packet) || packet.Engine != EnginePacketType.Message)
        {
            yield break;
        }

        switch (packet.Type)
        {
            case SocketIoPacketType.Connect when frame.FromClient:
                _connect!.Path = packet.Namespace;
                _connect.Payload = packet.Data is JsonObject { Count: > 0 } auth ? auth : null;
                break;
            case SocketIoPacketType.Event when packet.EventName is { } name:
                var arguments = packet.Arguments;
                if (frame.FromClient)
                {
                    var emit = new SocketIoEmitItem(_connection, name, arguments, packet.AckId is not null);
                    if (packet.AckId is { } id)
                    {
                        _emits[id] = emit;
                    }

                    yield return emit;
                }
                else if (arguments.Count > 0)
                {
                    yield return new SocketIoEventItem(_connection, name, arguments);
                }

                break;
            case SocketIoPacketType.Ack when !frame.FromClient && packet.AckId is { } acked && _emits.TryGetValue(acked, out var asked) && packet.Data is JsonArray answer:
                asked.Acknowledgement = answer;
                break;
        }
    }
}
