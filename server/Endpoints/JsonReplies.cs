using System.Buffers;
using System.Net.WebSockets;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BddWs.Server.Endpoints;

/// <summary>The replies of <c>/json</c>: compact JSON objects, <c>type</c> first, properties in a fixed order.</summary>
public static class JsonReplies
{
    // Relaxed escaping keeps "Zoë" and "<b>" readable in replies; they go to WebSocket clients, not into HTML.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"type":"greeting","text":"Hello, name!","to":{"name":"name"}}</c></summary>
    public static SocketMessage Greeting(string name) => Reply("greeting", json =>
    {
        json.WriteString("text", $"Hello, {name}!");
        json.WriteStartObject("to");
        json.WriteString("name", name);
        json.WriteEndObject();
    });

    /// <summary><c>{"type":"sum","value":6}</c>, with no trailing zeros (6, not 6.0).</summary>
    public static SocketMessage Sum(decimal value) =>
        Reply("sum", json => json.WriteNumber("value", value / 1.000000000000000000000000000000000m));

    /// <summary><c>{"type":"tick","seq":1}</c></summary>
    public static SocketMessage Tick(int seq) => Reply("tick", json => json.WriteNumber("seq", seq));

    /// <summary><c>{"type":"delayed","text":"late"}</c></summary>
    public static SocketMessage Delayed(string text) => Reply("delayed", json => json.WriteString("text", text));

    /// <summary><c>{"type":"echo","received":value}</c>, the value written back compactly, numbers exactly as sent.</summary>
    public static SocketMessage Echo(JsonElement received) => Reply("echo", json =>
    {
        json.WritePropertyName("received");
        received.WriteTo(json);
    });

    /// <summary><c>{"type":"error","error":"message"}</c></summary>
    public static SocketMessage Error(string error) => Reply("error", json => json.WriteString("error", error));

    private static SocketMessage Reply(string type, Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            properties(json);
            json.WriteEndObject();
        }

        return new SocketMessage(WebSocketMessageType.Text, buffer.WrittenMemory);
    }
}
