using System.Buffers.Binary;
using System.Text;

namespace BddWs.Server.Tests.Helpers;

/// <summary>WebSocket frames as a client would put them on the wire, well-formed or deliberately not.</summary>
public static class ClientFrames
{
    public const int Continuation = 0x0;
    public const int Text = 0x1;
    public const int Binary = 0x2;
    public const int Close = 0x8;
    public const int Ping = 0x9;
    public const int Pong = 0xA;

    private static readonly byte[] MaskKey = [0x37, 0xFA, 0x21, 0x3D];

    /// <summary>One frame. <paramref name="reserved"/> is RSV1-3 as a 3-bit number (4 = RSV1).</summary>
    public static byte[] Frame(int opcode, byte[] payload, bool fin = true, bool masked = true, int reserved = 0) =>
        [.. Header(opcode, (ulong)payload.Length, fin, masked, reserved), .. masked ? Mask(payload) : payload];

    public static byte[] TextFrame(string text, bool fin = true) => Frame(Text, Encoding.UTF8.GetBytes(text), fin);

    public static byte[] CloseFrame(ushort code, string reason = "")
    {
        var payload = new byte[2 + Encoding.UTF8.GetByteCount(reason)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, code);
        Encoding.UTF8.GetBytes(reason, payload.AsSpan(2));
        return Frame(Close, payload);
    }

    /// <summary>
    /// A frame header declaring <paramref name="length"/> payload bytes, followed by the masking key
    /// when masked; <paramref name="longForm"/> uses the 64-bit length even for a small value.
    /// </summary>
    public static byte[] Header(int opcode, ulong length, bool fin = true, bool masked = true, int reserved = 0, bool longForm = false)
    {
        var header = new List<byte> { (byte)((fin ? 0x80 : 0) | (reserved << 4) | opcode) };
        var maskBit = masked ? 0x80 : 0;
        if (length <= 125 && !longForm)
        {
            header.Add((byte)(maskBit | (int)length));
        }
        else if (length <= ushort.MaxValue && !longForm)
        {
            header.Add((byte)(maskBit | 126));
            header.AddRange([(byte)(length >> 8), (byte)length]);
        }
        else
        {
            header.Add((byte)(maskBit | 127));
            var extended = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(extended, length);
            header.AddRange(extended);
        }

        if (masked)
        {
            header.AddRange(MaskKey);
        }

        return [.. header];
    }

    /// <summary>Masks payload bytes that start at <paramref name="offset"/> in their frame.</summary>
    public static byte[] Mask(byte[] payload, long offset = 0)
    {
        var masked = new byte[payload.Length];
        for (var i = 0; i < payload.Length; i++)
        {
            masked[i] = (byte)(payload[i] ^ MaskKey[(offset + i) % 4]);
        }

        return masked;
    }
}
