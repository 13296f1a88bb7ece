namespace BddWs.Server.Hardening;

/// <summary>
/// Follows a stream of frames without judging them: where one frame ends and the next begins, and
/// whether a close frame has gone by.
/// </summary>
/// <param name="payloadLeft">Payload bytes of a frame already under way, when tracking starts inside one.</param>
public sealed class FrameTracker(ulong payloadLeft = 0)
{
    private readonly FrameHeaderReader _header = new();
    private ulong _payloadLeft = payloadLeft;

    /// <summary>Whether the header of a close frame has gone by.</summary>
    public bool CloseSeen { get; private set; }

    /// <summary>True between two frames, where another frame may be put.</summary>
    public bool BetweenFrames => _payloadLeft == 0 && _header.IsEmpty;

    /// <summary>Follows the next bytes of the stream.</summary>
    public void Observe(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (_payloadLeft > 0)
            {
                var skipped = (int)Math.Min(_payloadLeft, (ulong)data.Length);
                data = data[skipped..];
                _payloadLeft -= (ulong)skipped;
            }
            else if (_header.TryRead(ref data, out var header))
            {
                _payloadLeft = header.PayloadLength;
                CloseSeen |= header.Opcode == FrameHeader.Close;
            }
        }
    }
}
