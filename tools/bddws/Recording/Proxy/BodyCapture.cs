namespace BddWs.Cli.Recording.Proxy;

/// <summary>
/// The first <see cref="Limit"/> bytes of a body or a WebSocket message, copied as they pass; what is
/// beyond is only counted, so a large download costs no memory.
/// </summary>
internal sealed class BodyCapture(int limit)
{
    private byte[] buffer = [];
    private int length;

    public int Limit { get; } = limit;

    /// <summary>More bytes passed than were kept.</summary>
    public bool Cut { get; private set; }

    public int Length => length;

    public void Add(ReadOnlySpan<byte> bytes)
    {
        var room = Limit - length;
        if (bytes.Length > room)
        {
            Cut = true;
            bytes = bytes[..Math.Max(room, 0)];
        }

        if (bytes.IsEmpty)
        {
            return;
        }

        if (length + bytes.Length > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Min(Limit, Math.Max(buffer.Length * 2, length + bytes.Length)));
        }

        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    public ReadOnlySpan<byte> Bytes => buffer.AsSpan(0, length);

    public void Clear()
    {
        length = 0;
        Cut = false;
    }
}
