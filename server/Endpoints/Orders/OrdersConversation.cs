using System.Net.WebSockets;
using System.Text.Json;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// The commands of one <c>/orders</c> connection, JSON objects with <c>type</c> and an optional
/// <c>requestId</c> that the reply repeats: <c>subscribe</c> (topic <c>orders</c>) and
/// <c>get-order</c> (by <c>id</c>). Anything else gets an error reply; the connection stays open.
/// </summary>
public sealed class OrdersConversation(OrdersConnection connection, OrderStore store)
{
    /// <summary>Answers one message. Always true: no command ends the conversation.</summary>
    public Task<bool> HandleAsync(SocketMessage message, CancellationToken cancellation)
    {
        if (Answer(message) is { } reply)
        {
            connection.Send(reply);
        }

        return Task.FromResult(true);
    }

    // Null when the answer is already queued.
    private SocketMessage? Answer(SocketMessage message)
    {
        if (message.Type != WebSocketMessageType.Text)
        {
            return OrderMessages.Error(null, "binary messages are not supported on /orders; send JSON text");
        }

        using var document = JsonSyntax.TryParse(message.Payload, out var where);
        if (document is null)
        {
            return OrderMessages.Error(null, $"invalid JSON ({where})");
        }

        var command = document.RootElement;
        JsonElement? requestId = command.ValueKind == JsonValueKind.Object && command.TryGetProperty("requestId", out var id) ? id : null;
        if (requestId is { ValueKind: not (JsonValueKind.String or JsonValueKind.Number) })
        {
            return OrderMessages.Error(null, "requestId must be a text or a number");
        }

        if (JsonFields.CommandOf(command) is not { } type)
        {
            return OrderMessages.Error(requestId, "a command is a JSON object with a type: subscribe or get-order");
        }

        return type switch
        {
            "subscribe" => Subscribe(command, requestId),
            "get-order" => GetOrder(command, requestId),
            _ => OrderMessages.Error(requestId, $"unknown command {type}; the commands are subscribe and get-order"),
        };
    }

    private SocketMessage? Subscribe(JsonElement command, JsonElement? requestId)
    {
        if (JsonFields.String(command, "topic") is not { } topic)
        {
            return OrderMessages.Error(requestId, $"subscribe needs a topic: {OrderFeed.Topic}");
        }

        if (topic != OrderFeed.Topic)
        {
            return OrderMessages.Error(requestId, $"no topic {topic}; the only topic is {OrderFeed.Topic}");
        }

        // Queued by the subscription itself, so no event can overtake the confirmation.
        connection.Subscribe(OrderMessages.Subscribed(requestId, topic));
        return null;
    }

    private SocketMessage GetOrder(JsonElement command, JsonElement? requestId)
    {
        if (JsonFields.String(command, "id") is not { } id)
        {
            return OrderMessages.Error(requestId, "get-order needs an id (a text)");
        }

        return store.Find(id) is { } order
            ? OrderMessages.OrderReply(requestId, order)
            : OrderMessages.Error(requestId, $"no order with id {id}");
    }
}
