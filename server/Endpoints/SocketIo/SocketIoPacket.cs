using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BddWs.Server.Endpoints.SocketIo;

/// <summary>
/// A Socket.IO packet as an Engine.IO message carries it (the text after the leading <c>4</c>):
/// <c>0/chat,{"token":"x"}</c> (connect), <c>2/chat,7["order",{…}]</c> (an event asking for ack 7).
/// </summary>
public sealed record SocketIoPacket(int Type, string Namespace, long? AckId, JsonNode? Data)
{
    public const int Connect = 0;
    public const int Disconnect = 1;
    public const int Event = 2;
    public const int Ack = 3;
    public const int ConnectError = 4;

    /// <summary>The packet in <paramref name="text"/>, or null when it is not one this server reads.</summary>
    public static SocketIoPacket? Read(string text)
    {
        if (text.Length == 0 || text[0] is < '0' or > '4')
        {
            return null;
        }

        var at = 1;
        var space = "/";
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

        long? ackId = null;
        if (digits > at)
        {
            if (!long.TryParse(text.AsSpan(at, digits - at), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            ackId = id;
        }

        try
        {
            var data = digits < text.Length ? JsonNode.Parse(text[digits..]) : null;
            return new SocketIoPacket(text[0] - '0', space, ackId, data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The Engine.IO message that carries this packet: <c>42/chat,["chat","ada","hi"]</c>.</summary>
    public string Frame() =>
        $"4{Type}{(Namespace == "/" ? "" : Namespace + ",")}{AckId?.ToString(CultureInfo.InvariantCulture)}{Data?.ToJsonString()}";
}
