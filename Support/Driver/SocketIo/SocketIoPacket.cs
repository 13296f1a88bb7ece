using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BddWs.Driver.SocketIo;

/// <summary>
/// One Engine.IO packet as a WebSocket text frame carries it, and, for a message packet, the Socket.IO
/// packet inside: <c>0{"sid":…}</c> (open), <c>2</c> (ping), <c>40/chat,{"token":"x"}</c> (connect to
/// <c>/chat</c>), <c>42/chat,7["order",{"item":"book"}]</c> (an event asking for acknowledgement 7),
/// <c>43/chat,7["ok"]</c> (that acknowledgement). A binary frame is an attachment of a binary event.
/// </summary>
public sealed record SocketIoPacket
{
    /// <summary>The namespace every connection has, left out of packets.</summary>
    public const string MainNamespace = "/";

    public required EnginePacketType Engine { get; init; }

    /// <summary>The Socket.IO packet type of a message packet; null for Engine.IO's own packets and attachments.</summary>
    public SocketIoPacketType? Type { get; init; }

    public string Namespace { get; init; } = MainNamespace;

    /// <summary>The acknowledgement id: asked for by an event, answered by an ack.</summary>
    public long? AckId { get; init; }

    /// <summary>The JSON payload: an event's name and arguments, an ack's arguments, a connect's auth or answer; or the open packet's handshake.</summary>
    public JsonNode? Data { get; init; }

    /// <summary>True for a binary frame: an attachment of the binary event or ack before it.</summary>
    public bool IsAttachment { get; init; }

    /// <summary>The event's name, for an event.</summary>
    public string? EventName => Type is SocketIoPacketType.Event or SocketIoPacketType.BinaryEvent && Data is JsonArray { Count: > 0 } array
        && array[0] is JsonValue name && name.GetValueKind() == JsonValueKind.String ? name.GetValue<string>() : null;

    /// <summary>An event's arguments (its name left out) or an ack's arguments; empty for the others.</summary>
    public JsonArray Arguments => Data is JsonArray array
        ? new JsonArray([.. array.Skip(Type is SocketIoPacketType.Event or SocketIoPacketType.BinaryEvent ? 1 : 0).Select(a => a?.DeepClone())])
        : [];

    public bool IsPlumbing => Engine is EnginePacketType.Open or EnginePacketType.Ping or EnginePacketType.Pong or EnginePacketType.Noop
        || Type == SocketIoPacketType.Connect;

    // A packet is asked about at every wait (plumbing, its shape in failures and the report): each frame is read once.
    private static readonly ConditionalWeakTable<WebSocketMessage, Reading> Readings = new();

    /// <summary>Reads a recorded frame; false, with what is wrong in Socket.IO's words, when it is no packet of the protocol.</summary>
    public static bool TryRead(WebSocketMessage message, out SocketIoPacket packet, out string? fault)
    {
        (packet, fault) = Readings.GetValue(message, ReadFrame);
        return fault is null;
    }

    private static Reading ReadFrame(WebSocketMessage message)
    {
        var packet = new SocketIoPacket { Engine = EnginePacketType.Message };
        if (!message.IsText)
        {
            return new Reading(packet with { IsAttachment = true }, null);
        }

        var fault = Read(message.Text, out var read);
        return new Reading(read ?? packet, fault);
    }

    /// <summary>Reads a recorded frame; false when it is no packet of the protocol.</summary>
    public static bool TryRead(WebSocketMessage message, out SocketIoPacket packet) => TryRead(message, out packet, out _);

    /// <summary>Reads the text of a frame recorded elsewhere (a HAR file, a proxy); false when it is no packet of the protocol.</summary>
    public static bool TryRead(string text, [NotNullWhen(true)] out SocketIoPacket? packet) => Read(text, out packet) is null;

    /// <summary>The text frame of this packet.</summary>
    public string Frame()
    {
        if (Engine != EnginePacketType.Message)
        {
            return $"{(int)Engine}{Data?.ToJsonString() ?? ""}";
        }

        var space = Namespace == MainNamespace ? "" : Namespace + ",";
        var id = AckId?.ToString(CultureInfo.InvariantCulture) ?? "";
        return $"4{(int)Type!.Value}{space}{id}{Data?.ToJsonString() ?? ""}";
    }

    /// <summary>Null when <paramref name="text"/> is a packet (then in <paramref name="packet"/>), else why not.</summary>
    private static string? Read(string text, out SocketIoPacket? packet)
    {
        packet = null;
        if (text.Length == 0)
        {
            return "an empty frame, which is no Engine.IO packet";
        }

        if (text[0] is < '0' or > '6')
        {
            return $"an Engine.IO packet of unknown type {Format.Quoted(text[..1])}";
        }

        var engine = (EnginePacketType)(text[0] - '0');
        if (engine != EnginePacketType.Message)
        {
            var rest = text[1..];
            JsonNode? data = null;
            if (engine == EnginePacketType.Open && !TryJson(rest, out data))
            {
                return "an Engine.IO open packet whose handshake is not JSON";
            }

            packet = new SocketIoPacket { Engine = engine, Data = data };
            return null;
        }

        if (text.Length < 2 || text[1] is < '0' or > '6')
        {
            return text.Length < 2 ? "an Engine.IO message with no Socket.IO packet in it" : $"a Socket.IO packet of unknown type {Format.Quoted(text[1..2])}";
        }

        var type = (SocketIoPacketType)(text[1] - '0');
        var at = 2;
        if (type is SocketIoPacketType.BinaryEvent or SocketIoPacketType.BinaryAck)
        {
            var dash = text.IndexOf('-', at);
            if (dash < 0 || !int.TryParse(text.AsSpan(at, dash - at), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return "a binary Socket.IO packet that does not say how many attachments follow";
            }

            at = dash + 1;
        }

        var space = MainNamespace;
        if (at < text.Length && text[at] == '/')
        {
            var comma = text.IndexOf(',', at);
            space = comma < 0 ? text[at..] : text[at..comma];
            at = comma < 0 ? text.Length : comma + 1;
        }

        var digits = at;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        long? ackId = digits > at && long.TryParse(text.AsSpan(at, digits - at), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        if (digits > at && ackId is null)
        {
            return "a Socket.IO packet whose acknowledgement id is out of range";
        }

        if (!TryJson(text[digits..], out var payload))
        {
            return "a Socket.IO packet whose payload is not JSON";
        }

        var wrong = type switch
        {
            SocketIoPacketType.Event or SocketIoPacketType.BinaryEvent when payload is not JsonArray { Count: > 0 } a || a[0] is not JsonValue v || v.GetValueKind() != JsonValueKind.String =>
                "a Socket.IO event without a name",
            SocketIoPacketType.Ack or SocketIoPacketType.BinaryAck when payload is not JsonArray => "a Socket.IO acknowledgement whose arguments are not a list",
            SocketIoPacketType.Ack or SocketIoPacketType.BinaryAck when ackId is null => "a Socket.IO acknowledgement without an id",
            SocketIoPacketType.ConnectError when payload is not JsonObject and not JsonValue => "a Socket.IO connect error without a message",
            _ => null,
        };
        if (wrong is not null)
        {
            return wrong;
        }

        packet = new SocketIoPacket { Engine = engine, Type = type, Namespace = space, AckId = ackId, Data = payload };
        return null;
    }

    private static bool TryJson(string text, out JsonNode? node)
    {
        node = null;
        if (text.Length == 0)
        {
            return true;
        }

        try
        {
            node = JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record Reading(SocketIoPacket Packet, string? Fault);
}
