using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;

namespace BddWs.Server.Hardening;

/// <summary>A way in which a client broke the WebSocket protocol, and the close status that answers it.</summary>
/// <param name="Status">1002 (ProtocolError) or, for text that is not UTF-8, 1007 (InvalidPayloadData).</param>
/// <param name="Reason">What was wrong, for the log and the close frame.</param>
public sealed record FrameViolation(WebSocketCloseStatus Status, string Reason)
{
    /// <summary>The most a close frame's reason may take (125 bytes of payload less 2 of status).</summary>
    public const int MaxReasonBytes = 123;

    /// <summary>A protocol error (1002).</summary>
    public static FrameViolation ProtocolError(string reason) => new(WebSocketCloseStatus.ProtocolError, reason);

    /// <summary>Text that is not valid UTF-8 (1007).</summary>
    public static FrameViolation InvalidText(string reason) => new(WebSocketCloseStatus.InvalidPayloadData, reason);

    /// <summary>The server's close frame for this violation, as written on the wire (unmasked).</summary>
    public byte[] CloseFrame()
    {
        var reason = Encoding.UTF8.GetBytes(Reason);
        var reasonLength = Math.Min(reason.Length, MaxReasonBytes);
        var frame = new byte[4 + reasonLength];
        frame[0] = 0x80 | FrameHeader.Close;
        frame[1] = (byte)(2 + reasonLength);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)Status);
        reason.AsSpan(0, reasonLength).CopyTo(frame.AsSpan(4));
        return frame;
    }
}
