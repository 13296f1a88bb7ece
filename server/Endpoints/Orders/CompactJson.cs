using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>Writes the orders service's JSON: compact, properties in the order written, readable non-ASCII.</summary>
public static class CompactJson
{
    // Relaxed escaping keeps "Zoë" and "<b>" readable; the JSON goes to API clients, not into HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One JSON object whose properties <paramref name="properties"/> writes.</summary>
    public static ReadOnlyMemory<byte> Object(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            properties(json);
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>The order document as a whole body: <c>{"id","item","quantity","status","createdAt"}</c>.</summary>
    public static ReadOnlyMemory<byte> OrderDocument(Order order) => Object(json => WriteOrderFields(json, order));

    /// <summary>The order document as the property <c>order</c> of a message.</summary>
    public static void WriteOrder(Utf8JsonWriter json, Order order)
    {
        json.WriteStartObject("order");
        WriteOrderFields(json, order);
        json.WriteEndObject();
    }

    private static void WriteOrderFields(Utf8JsonWriter json, Order order)
    {
        json.WriteString("id", order.Id);
        json.WriteString("item", order.Item);
        json.WriteNumber("quantity", order.Quantity);
        json.WriteString("status", order.Status);
        json.WriteString("createdAt", order.CreatedAt);
    }
}
