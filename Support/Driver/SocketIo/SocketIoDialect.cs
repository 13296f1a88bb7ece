using System.Globalization;
using System.Text.Json.Nodes;
using BddWs.Driver.Dialects;

namespace BddWs.Driver.SocketIo;

/// <summary>
/// Socket.IO protocol 5 over Engine.IO protocol 4, on the WebSocket transport alone: every frame is one
/// Engine.IO packet, so a frame is one record. The Engine.IO handshake, its pings and pongs and the
/// Socket.IO connect packets are plumbing. Records read as <c>emit "chat" ["hi"]</c> (sent),
/// <c>"chat" ["hi"]</c> (received), <c>ack #3 ["ok"]</c>, <c>disconnect</c>, <c>connect_error {…}</c>;
/// an event that asks for an acknowledgement and the acknowledgement share its id.
/// </summary>
public sealed class SocketIoDialect : IDialect
{
    /// <summary>The one instance: a dialect holds no state of a connection.</summary>
    public static SocketIoDialect Instance { get; } = new();

    public string RecordNoun => "Socket.IO packet";

    public IReadOnlyList<string> Split(string frame) => [frame];

    public string Frame(string record) => record;

    public bool IsPlumbing(WebSocketMessage record) => SocketIoPacket.TryRead(record, out var packet) && packet.IsPlumbing;

    public string Shown(WebSocketMessage record, MessageDirection direction)
    {
        if (!SocketIoPacket.TryRead(record, out var packet, out var fault))
        {
            return $"{Format.Message(record)} ({fault})";
        }

        if (packet.IsAttachment)
        {
            return $"attachment ({Format.Count(record.Bytes.Length, "byte")})";
        }

        var id = packet.AckId is { } ackId ? $" #{ackId.ToString(CultureInfo.InvariantCulture)}" : "";
        var space = packet.Namespace == SocketIoPacket.MainNamespace ? "" : $" {packet.Namespace}";
        return packet.Type switch
        {
            null => packet.Engine switch
            {
                EnginePacketType.Open => $"open {Format.Value(packet.Data)}",
                EnginePacketType.Close => "close",
                EnginePacketType.Ping => "ping",
                EnginePacketType.Pong => "pong",
                EnginePacketType.Upgrade => "upgrade",
                _ => "noop",
            },
            SocketIoPacketType.Connect => $"connect{space}{(packet.Data is null ? "" : $" {Format.Value(packet.Data)}")}",
            SocketIoPacketType.Disconnect => "disconnect",
            SocketIoPacketType.ConnectError => $"connect_error {Format.Value(packet.Data)}",
            SocketIoPacketType.Event or SocketIoPacketType.BinaryEvent =>
                $"{(direction == MessageDirection.Sent ? "emit " : "")}{Event(packet.EventName, packet.Arguments)}{id}",
            _ => $"ack{id} {Format.Value(packet.Arguments)}",
        };
    }

    public string? ReplyId(WebSocketMessage record) =>
        SocketIoPacket.TryRead(record, out var packet) && packet.AckId is { } id ? id.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// A contract holds an event, or an acknowledgement, to its schemas as the list of its arguments (the
    /// event's name left out): a tuple, <c>type: array</c> with <c>items: [ … ]</c>. Connecting,
    /// disconnecting and the Engine.IO packets are the protocol's.
    /// </summary>
    public WebSocketMessage? PayloadOf(WebSocketMessage record) =>
        SocketIoPacket.TryRead(record, out var packet) && packet.Type is SocketIoPacketType.Event or SocketIoPacketType.Ack
            ? WebSocketMessage.FromText(packet.Arguments.ToJsonString())
            : null;

    /// <summary>A packet's channel is its namespace (<c>/chat</c>): one connection's URL serves them all.</summary>
    public string? ChannelOf(WebSocketMessage record) => SocketIoPacket.TryRead(record, out var packet) ? packet.Namespace : null;

    /// <summary><c>"chat" ["ada","hi"]</c>: an event as the report and failures name it.</summary>
    public static string Event(string? name, JsonArray arguments) => $"{Format.Quoted(name ?? "")} {Format.Value(arguments)}";
}
