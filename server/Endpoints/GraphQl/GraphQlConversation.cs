using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;

namespace BddWs.Server.Endpoints.GraphQl;

/// <summary>
/// One client's <c>graphql-transport-ws</c> conversation: <c>connection_init</c> answered by <c>connection_ack</c>,
/// <c>subscribe</c> executed (a query or mutation answers with one <c>next</c> and <c>complete</c>, a subscription
/// with a <c>next</c> per event until it ends or the client sends <c>complete</c>), <c>ping</c> answered with
/// <c>pong</c>, and the protocol's close codes for what breaks it.
/// </summary>
public sealed class GraphQlConversation : IDisposable
{
    private static readonly GraphQLSerializer Serializer = new();
    private static readonly DocumentExecuter Executer = new();

    private readonly SerializedSender _sender;
    private readonly OrdersGraphSchema _schema;
    private readonly CancellationToken _aborted;
    private readonly ConcurrentDictionary<string, IDisposable> _active = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _initWait = new();
    private bool _initialised;
    private bool _acknowledged;

    public GraphQlConversation(WebSocket socket, OrdersGraphSchema schema, CancellationToken aborted)
    {
        _sender = new SerializedSender(socket);
        _schema = schema;
        _aborted = aborted;
        _ = CloseUnlessInitialisedAsync();
    }

    /// <summary>Handles one message; false once the server closed the connection.</summary>
    public async Task<bool> HandleAsync(SocketMessage message, CancellationToken cancellation)
    {
        if (Read(message) is not { } record || record["type"]?.GetValueKind() != JsonValueKind.String)
        {
            return await CloseAsync(4400, "Invalid message received");
        }

        var id = record["id"]?.GetValueKind() == JsonValueKind.String ? record["id"]!.GetValue<string>() : null;
        switch (record["type"]!.GetValue<string>())
        {
            case "connection_init" when _initialised:
                return await CloseAsync(4429, "Too many initialisation requests");
            case "connection_init":
                _initialised = true;
                await _initWait.CancelAsync();
                if (record["payload"]?["token"] is { } token && (token.GetValueKind() != JsonValueKind.String || token.GetValue<string>() != GraphQlEndpoint.Token))
                {
                    return await CloseAsync(4403, "Forbidden");
                }

                _acknowledged = true;
                await SendAsync(new JsonObject { ["type"] = "connection_ack" });
                return true;
            case "ping":
                await SendAsync(new JsonObject { ["type"] = "pong" });
                return true;
            case "pong":
                return true;
            case "subscribe" when !_acknowledged:
                return await CloseAsync(4401, "Unauthorized");
            case "subscribe" when id is null || record["payload"] is not JsonObject:
                return await CloseAsync(4400, "Invalid message received");
            case "subscribe" when _active.ContainsKey(id):
                return await CloseAsync(4409, $"Subscriber for {id} already exists");
            case "subscribe":
                await ExecuteAsync(id, (JsonObject)record["payload"]!, cancellation);
                return true;
            case "complete" when id is not null:
                if (_active.TryRemove(id, out var stopped))
                {
                    stopped.Dispose();
                }

                return true;
            default:
                return await CloseAsync(4400, "Invalid message received");
        }
    }

    /// <summary>Ends every running subscription.</summary>
    public void Dispose()
    {
        _initWait.Cancel();
        foreach (var id in _active.Keys)
        {
            if (_active.TryRemove(id, out var running))
            {
                running.Dispose();
            }
        }

        _initWait.Dispose();
        _sender.Dispose();
    }

    private async Task ExecuteAsync(string id, JsonObject payload, CancellationToken cancellation)
    {
        var request = Serializer.Deserialize<GraphQLRequest>(payload.ToJsonString())!;
        var result = await Executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            CancellationToken = cancellation,
        });
        if (!result.Executed)
        {
            await SendAsync(new JsonObject { ["id"] = id, ["type"] = "error", ["payload"] = JsonNode.Parse(Serializer.Serialize(result))?["errors"]?.DeepClone() });
        }
        else if (result.Streams is { Count: > 0 } streams)
        {
            var stream = new StreamObserver(this, id);
            _active[id] = stream;
            stream.Start(streams.Values.First());
        }
        else
        {
            await SendAsync(Next(id, result));
            await SendAsync(new JsonObject { ["id"] = id, ["type"] = "complete" });
        }
    }

    private static JsonObject Next(string id, ExecutionResult result) =>
        new() { ["id"] = id, ["type"] = "next", ["payload"] = JsonNode.Parse(Serializer.Serialize(result)) };

    private static JsonNode? Read(SocketMessage message)
    {
        try
        {
            return message.Type == WebSocketMessageType.Text ? JsonNode.Parse(message.Text) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(GraphQlEndpoint.InitWait, _initWait.Token);
            await CloseAsync(4408, "Connection initialisation timeout");
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The client sent connection_init in time, or left.
        }
    }

    private async Task<bool> CloseAsync(int code, string reason)
    {
        try
        {
            await _sender.CloseAsync((WebSocketCloseStatus)code, reason, _aborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The client left first.
        }

        return false;
    }

    private async Task SendAsync(JsonObject record)
    {
        try
        {
            await _sender.SendAsync(SocketMessage.FromText(record.ToJsonString()), _aborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The client left: nothing more to tell it.
        }
    }

    /// <summary>Sends a subscription's events as <c>next</c>, its end as <c>complete</c>, one at a time in order.</summary>
    private sealed class StreamObserver(GraphQlConversation conversation, string id) : IObserver<ExecutionResult>, IDisposable
    {
        private readonly SemaphoreSlim _order = new(1, 1);
        private IDisposable? _subscription;
        private volatile bool _stopped;

        public void Start(IObservable<ExecutionResult> stream) => _subscription = stream.Subscribe(this);

        public void OnNext(ExecutionResult value) => Send(Next(id, value));

        public void OnError(Exception error) => Send(new JsonObject { ["id"] = id, ["type"] = "error", ["payload"] = new JsonArray(new JsonObject { ["message"] = error.Message }) }, last: true);

        public void OnCompleted() => Send(new JsonObject { ["id"] = id, ["type"] = "complete" }, last: true);

        public void Dispose()
        {
            _stopped = true;
            _subscription?.Dispose();
        }

        private void Send(JsonObject record, bool last = false)
        {
            if (_stopped)
            {
                return;
            }

            _order.Wait();
            try
            {
                conversation.SendAsync(record).GetAwaiter().GetResult();
            }
            finally
            {
                _order.Release();
            }

            if (last)
            {
                conversation._active.TryRemove(id, out _);
            }
        }
    }
}
