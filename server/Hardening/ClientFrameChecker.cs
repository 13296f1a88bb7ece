using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace BddWs.Server.Hardening;

/// <summary>
/// Checks the frames a client sends against RFC 6455 as they arrive, split over reads however they
/// come: masking, reserved bits, opcodes, lengths, control frames, the order of fragments, close
/// frames, and UTF-8 in text messages (also when a character is split between frames). No extension
/// is ever agreed, so every reserved bit must be 0. After the first violation it only follows the
/// frames, to notice the client's close frame.
/// </summary>
public sealed class ClientFrameChecker
{
    private const int MaxControlPayload = 125;

    private readonly FrameHeaderReader _header = new();
    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly byte[] _closePayload = new byte[MaxControlPayload];
    private FrameHeader _frame;
    private bool _inPayload;
    private ulong _payloadSeen;
    private int _messageOpcode;
    private bool _closeReceived;
    private FrameTracker? _afterViolation;

    /// <summary>The first violation, or null while everything received was valid.</summary>
    public FrameViolation? Violation { get; private set; }

    /// <summary>Whether the client's close frame has arrived (whole and valid, or after a violation just its header).</summary>
    public bool PeerClosed => _closeReceived || _afterViolation?.CloseSeen == true;

    /// <summary>
    /// Checks the next bytes from the client. Returns how many of them may be read: all while they are
    /// valid; when this call finds a violation, those before the frame that breaks the rules (whole
    /// frames, worth answering before the connection is failed); after that, none.
    /// </summary>
    public int Check(ReadOnlySpan<byte> data)
    {
        if (_afterViolation is not null)
        {
            _afterViolation.Observe(data);
            return 0;
        }

        var total = data.Length;
        var frameStart = 0;
        while (data.Length > 0)
        {
            if (_closeReceived)
            {
                // Nothing may follow a close frame; the WebSocket no longer reads, so neither do we.
                return total;
            }

            if (!_inPayload)
            {
                if (_header.IsEmpty)
                {
                    frameStart = total - data.Length;
                }

                if (!_header.TryRead(ref data, out var header))
                {
                    return total;
                }

                if (HeaderViolation(header) is { } violation)
                {
                    return Fail(violation, header.PayloadLength, data, frameStart);
                }

                _frame = header;
                _inPayload = true;
                _payloadSeen = 0;
                if (header.Opcode == FrameHeader.Text)
                {
                    _utf8.Reset();
                }
            }
            else
            {
                var run = data[..(int)Math.Min((ulong)data.Length, _frame.PayloadLength - _payloadSeen)];
                data = data[run.Length..];
                if (PayloadViolation(run) is { } violation)
                {
                    return Fail(violation, _frame.PayloadLength - _payloadSeen - (ulong)run.Length, data, frameStart);
                }

                _payloadSeen += (ulong)run.Length;
            }

            if (_payloadSeen == _frame.PayloadLength && FrameEnd() is { } atEnd)
            {
                return Fail(atEnd, 0, data, frameStart);
            }
        }

        return total;
    }

    private bool InTextMessage => _frame.Opcode == FrameHeader.Text || (_frame.Opcode == FrameHeader.Continuation && _messageOpcode == FrameHeader.Text);

    private FrameViolation? HeaderViolation(FrameHeader header)
    {
        if (header.Reserved != 0)
        {
            return FrameViolation.ProtocolError("reserved bits set, but no extension was agreed");
        }

        if (!header.Masked)
        {
            return FrameViolation.ProtocolError("unmasked frame from a client");
        }

        if (header.PayloadLength > long.MaxValue)
        {
            return FrameViolation.ProtocolError("payload length with its most significant bit set");
        }

        return header.Opcode switch
        {
            FrameHeader.Continuation when _messageOpcode == 0 => FrameViolation.ProtocolError("continuation frame without a message to continue"),
            FrameHeader.Text or FrameHeader.Binary when _messageOpcode != 0 => FrameViolation.ProtocolError("new message before the previous one ended"),
            FrameHeader.Continuation or FrameHeader.Text or FrameHeader.Binary => null,
            FrameHeader.Close or FrameHeader.Ping or FrameHeader.Pong => ControlViolation(header),
            _ => FrameViolation.ProtocolError($"unknown opcode 0x{header.Opcode:X}"),
        };
    }

    private static FrameViolation? ControlViolation(FrameHeader header)
    {
        if (!header.Fin)
        {
            return FrameViolation.ProtocolError("fragmented control frame");
        }

        if (header.PayloadLength > MaxControlPayload)
        {
            return FrameViolation.ProtocolError($"control frame longer than {MaxControlPayload} bytes");
        }

        return header.Opcode == FrameHeader.Close && header.PayloadLength == 1
            ? FrameViolation.ProtocolError("close frame with a 1-byte payload")
            : null;
    }

    private FrameViolation? PayloadViolation(ReadOnlySpan<byte> masked)
    {
        if (_frame.Opcode == FrameHeader.Close)
        {
            Unmask(masked, _closePayload.AsSpan((int)_payloadSeen));
            return null;
        }

        if (!InTextMessage)
        {
            return null;
        }

        Span<byte> chunk = stackalloc byte[512];
        for (var done = 0; done < masked.Length; done += chunk.Length)
        {
            var part = masked.Slice(done, Math.Min(chunk.Length, masked.Length - done));
            Unmask(part, chunk, (ulong)done);
            if (!TryDecode(chunk[..part.Length], flush: false))
            {
                return FrameViolation.InvalidText("text message that is not valid UTF-8");
            }
        }

        return null;
    }

    private FrameViolation? FrameEnd()
    {
        _inPayload = false;
        if (_frame.Opcode == FrameHeader.Close)
        {
            _closeReceived = true;
            return CloseViolation(_closePayload.AsSpan(0, (int)_frame.PayloadLength));
        }

        if (_frame.IsControl)
        {
            return null;
        }

        var endsText = _frame.Fin && InTextMessage;
        _messageOpcode = _frame.Fin ? 0 : _frame.Opcode == FrameHeader.Continuation ? _messageOpcode : _frame.Opcode;
        return endsText && !TryDecode([], flush: true)
            ? FrameViolation.InvalidText("text message that ends inside a UTF-8 character")
            : null;
    }

    private static FrameViolation? CloseViolation(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2)
        {
            return null;
        }

        var code = BinaryPrimitives.ReadUInt16BigEndian(payload);
        if (!IsValidCloseCode(code))
        {
            return FrameViolation.ProtocolError($"close code {code}, which may not be sent");
        }

        return Utf8.IsValid(payload[2..]) ? null : FrameViolation.ProtocolError("close reason that is not valid UTF-8");
    }

    // RFC 6455 section 7.4 and the IANA registry: 1004-1006 and 1015 are never sent, 1016-2999 unassigned.
    private static bool IsValidCloseCode(int code) => code is (>= 1000 and <= 1003) or (>= 1007 and <= 1014) or (>= 3000 and <= 4999);

    private void Unmask(ReadOnlySpan<byte> masked, Span<byte> plain, ulong offsetInRun = 0)
    {
        var index = _payloadSeen + offsetInRun;
        for (var i = 0; i < masked.Length; i++)
        {
            plain[i] = (byte)(masked[i] ^ _frame.MaskByte(index + (ulong)i));
        }
    }

    private bool TryDecode(ReadOnlySpan<byte> bytes, bool flush)
    {
        Span<char> discarded = stackalloc char[512];
        try
        {
            int used;
            do
            {
                _utf8.Convert(bytes, discarded, flush, out used, out _, out _);
                bytes = bytes[used..];
            }
            while (bytes.Length > 0 && used > 0);

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private int Fail(FrameViolation violation, ulong payloadLeft, ReadOnlySpan<byte> rest, int frameStart)
    {
        Violation = violation;
        _afterViolation = new FrameTracker(payloadLeft);
        _afterViolation.Observe(rest);
        return frameStart;
    }
}
