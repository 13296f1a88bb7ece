using System.Net.WebSockets;
using System.Text;

namespace BddWs.Driver;

/// <summary>One WebSocket message: text, or binary bytes. Two messages are equal when they have the same type and the same bytes array.</summary>
public sealed record WebSocketMessage(WebSocketMessageType Type, byte[] Bytes)
{
    // The text, once known: received text arrives decoded, and every check of a text would
    // otherwise decode the bytes again. Not part of equality, nor copied by `with`.
    private string? _text;

    private WebSocketMessage(WebSocketMessage original)
    {
        Type = original.Type;
        Bytes = original.Bytes;
    }

    public static WebSocketMessage FromText(string text) => new(WebSocketMessageType.Text, Encoding.UTF8.GetBytes(text))
    {
        // A lone surrogate does not survive encoding: such a text is read back from the bytes, as it was sent.
        _text = text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') ? null : text,
    };

    /// <summary>
    /// The protocol spoken over the connection that received or sent this message, when it is one
    /// record of a dialect (<see cref="Dialects.IDialect"/>): failures and the report then show it in
    /// the dialect's words. Null for a plain WebSocket message; not part of equality.
    /// </summary>
    public Dialects.IDialect? Dialect { get; private set; }

    /// <summary>A text received as one record of <paramref name="dialect"/>.</summary>
    internal static WebSocketMessage FromText(string text, Dialects.IDialect dialect)
    {
        var record = FromText(text);
        record.Dialect = dialect;
        return record;
    }

    /// <summary>This message as a record of <paramref name="dialect"/>: the same type and bytes, so equal to it.</summary>
    internal WebSocketMessage In(Dialects.IDialect dialect) => new(this) { Dialect = dialect, _text = _text };

    public static WebSocketMessage FromBytes(byte[] bytes) => new(WebSocketMessageType.Binary, bytes);

    public bool IsText => Type == WebSocketMessageType.Text;

    /// <summary>The text of a text message; empty for a binary one.</summary>
    public string Text => IsText ? _text ??= Encoding.UTF8.GetString(Bytes) : "";

    public bool Equals(WebSocketMessage? other) => other is not null && Type == other.Type && ReferenceEquals(Bytes, other.Bytes);

    public override int GetHashCode() => HashCode.Combine(Type, Bytes);
}
