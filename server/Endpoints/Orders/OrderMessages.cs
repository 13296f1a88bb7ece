using System.Net.WebSockets;
using System.Text.Json;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// What <c>/orders</c> sends: compact JSON objects, <c>type</c> first. A reply to a command carries
/// the command's <c>requestId</c> right after <c>type</c>, exactly as it was sent (string or number).
/// </summary>
public static class OrderMessages
{
    /// <summary><c>{"type":"welcome","user":"ada","session":"id"}</c>, the first message of every connection.</summary>
    public static SocketMessage Welcome(string user, string session) => Message("welcome", null, json =>
    {
        json.WriteString("user", user);
        json.WriteString("session", session);
    });

    /// <summary><c>{"type":"subscribed","requestId":"r1","topic":"orders"}</c></summary>
    public static SocketMessage Subscribed(JsonElement? requestId, string topic) =>
        Message("subscribed", requestId, json => json.WriteString("topic", topic));

    /// <summary><c>{"type":"order","requestId":"r2","order":{...}}</c></summary>
    public static SocketMessage OrderReply(JsonElement? requestId, Order order) => Message("order", requestId, json =>
    {
        CompactJson.WriteOrder(json, order);
    });

    /// <summary><c>{"type":"error","requestId":"r3","error":"what went wrong"}</c>; without requestId when the command had none.</summary>
    public static SocketMessage Error(JsonElement? requestId, string error) =>
        Message("error", requestId, json => json.WriteString("error", error));

    /// <summary><c>{"type":"order.created","seq":1,"order":{...}}</c></summary>
    public static SocketMessage Created(int seq, Order order) => Message("order.created", null, json =>
    {
        json.WriteNumber("seq", seq);
        CompactJson.WriteOrder(json, order);
    });

    /// <summary><c>{"type":"order.cancelled","seq":2,"id":"order id"}</c></summary>
    public static SocketMessage Cancelled(int seq, string id) => Message("order.cancelled", null, json =>
    {
        json.WriteNumber("seq", seq);
        json.WriteString("id", id);
    });

    /// <summary><c>{"type":"heartbeat","at":"2026-01-31T09:30:00.500Z"}</c></summary>
    public static SocketMessage Heartbeat(string at) => Message("heartbeat", null, json => json.WriteString("at", at));

    private static SocketMessage Message(string type, JsonElement? requestId, Action<Utf8JsonWriter> properties) =>
        new(WebSocketMessageType.Text, CompactJson.Object(json =>
        {
            json.WriteString("type", type);
            if (requestId is { } id)
            {
                json.WritePropertyName("requestId");
                id.WriteTo(json);
            }

            properties(json);
        }));
}
