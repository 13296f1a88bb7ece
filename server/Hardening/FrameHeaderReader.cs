using System.Buffers.Binary;

namespace BddWs.Server.Hardening;

/// <summary>Collects a frame header that may arrive split over several reads, one byte at a time if need be.</summary>
public sealed class FrameHeaderReader
{
    // 2 fixed bytes, up to 8 of extended length, 4 of masking key.
    private readonly byte[] _bytes = new byte[14];
    private int _count;

    /// <summary>True when no part of a header has been collected: the stream is between frames or in a payload.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>
    /// Takes header bytes from the start of <paramref name="data"/> (advancing it past them); true once
    /// the header is whole, and the reader is then ready for the next one.
    /// </summary>
    public bool TryRead(ref ReadOnlySpan<byte> data, out FrameHeader header)
    {
        while (data.Length > 0)
        {
            _bytes[_count++] = data[0];
            data = data[1..];
            if (_count >= 2 && _count == HeaderLength(_bytes[1]))
            {
                header = Parse();
                _count = 0;
                return true;
            }
        }

        header = default;
        return false;
    }

    // The second byte tells how long the rest of the header is.
    private static int HeaderLength(byte second) => 2 + ExtendedLengthBytes(second) + ((second & 0x80) != 0 ? 4 : 0);

    private static int ExtendedLengthBytes(byte second) => (second & 0x7F) switch
    {
        126 => 2,
        127 => 8,
        _ => 0,
    };

    private FrameHeader Parse()
    {
        var first = _bytes[0];
        var second = _bytes[1];
        var extended = ExtendedLengthBytes(second);
        var length = extended switch
        {
            2 => BinaryPrimitives.ReadUInt16BigEndian(_bytes.AsSpan(2)),
            8 => BinaryPrimitives.ReadUInt64BigEndian(_bytes.AsSpan(2)),
            _ => (ulong)(second & 0x7F),
        };
        var masked = (second & 0x80) != 0;
        var maskKey = masked ? BinaryPrimitives.ReadUInt32BigEndian(_bytes.AsSpan(2 + extended)) : 0;
        return new FrameHeader((first & 0x80) != 0, (first >> 4) & 0x7, first & 0x0F, masked, length, maskKey);
    }
}
