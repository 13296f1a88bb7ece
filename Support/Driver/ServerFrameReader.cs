using System.Buffers.Binary;
using System.Text;

namespace BddWs.Driver;

/// <summary>
/// Follows what the server sends, byte by byte as the WebSocket library reads it: first the HTTP
/// answer to the handshake, then RFC 6455 frames. It keeps what the library does not tell
/// (the close frame as sent, whole messages counted, answers to our pings) and finds the first
/// thing the server did wrong, in the server's terms. It never buffers a message, only frame
/// headers and control frames (at most 125 bytes), so memory stays bounded whatever the server announces.
/// </summary>
public sealed class ServerFrameReader(long maxMessageBytes)
{
    private const byte Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA;
    private const int ProtocolError = 1002, InvalidPayloadData = 1007, MessageTooBig = 1009;

    private readonly byte[] _header = new byte[14];
    private readonly byte[] _control = new byte[125];
    private readonly List<byte> _statusLine = [];
    private Stage _stage = Stage.ResponseHead;
    private int _blankLineMatched;
    private int _headerLength;
    private bool _fin;
    private byte _opcode;
    private long _payloadLeft;
    private int _controlLength;
    private bool _inMessage;
    private long _messageBytes;
    private readonly Utf8Check _utf8 = new();
    private Utf8Check? _textCheck;
    private int _completedMessages;

    private enum Stage
    {
        ResponseHead,
        FrameHeader,
        Payload,
        /// <summary>Not a WebSocket stream (the handshake failed), or the server already did wrong.</summary>
        Stopped,
    }

    /// <summary>Data messages (text or binary) received whole so far.</summary>
    public int CompletedMessages => Volatile.Read(ref _completedMessages);

    /// <summary>The close frame the server sent, once it came.</summary>
    public ServerClose? CloseFrame { get; private set; }

    /// <summary>What the server did wrong, once it did: one sentence for a product owner.</summary>
    public string? Violation { get; private set; }

    /// <summary>The close status RFC 6455 gives for <see cref="Violation"/>: 1002, 1007 or 1009.</summary>
    public int ViolationCloseStatus { get; private set; }

    /// <summary>A pong arrived: its payload, and how many whole messages came before it.</summary>
    public event Action<byte[], int>? PongReceived;

    /// <summary>
    /// Reads the next bytes; returns how many of them may reach the library: all of them, or fewer
    /// once the server did wrong (the bytes before the frame at fault).
    /// </summary>
    public int Read(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            switch (_stage)
            {
                case Stage.ResponseHead:
                    i += ReadResponseHead(data[i..]);
                    break;
                case Stage.FrameHeader:
                    var frameStart = i - _headerLength;
                    i += ReadFrameHeader(data[i..]);
                    if (Violation is not null)
                    {
                        return Math.Max(0, frameStart);
                    }

                    break;
                case Stage.Payload:
                    var payloadStart = i;
                    i += ReadPayload(data[i..]);
                    if (Violation is not null)
                    {
                        return payloadStart;
                    }

                    break;
                default:
                    return Violation is null ? data.Length : 0;
            }
        }

        return data.Length;
    }

    private int ReadResponseHead(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            if (_statusLine.Count < 12)
            {
                _statusLine.Add(data[i]);
            }

            _blankLineMatched = data[i] == "\r\n\r\n"[_blankLineMatched] ? _blankLineMatched + 1 : data[i] == '\r' ? 1 : 0;
            if (_blankLineMatched == 4)
            {
                var status = Encoding.ASCII.GetString([.. _statusLine]);
                _statusLine.Clear();
                _blankLineMatched = 0;
                if (status.EndsWith(" 101", StringComparison.Ordinal))
                {
                    _stage = Stage.FrameHeader;
                    return i + 1;
                }

                // An informational answer (100 Continue) is skipped by the HTTP client too: the real one follows.
                if (!System.Text.RegularExpressions.Regex.IsMatch(status, @"^HTTP/\d\.\d 1\d\d$"))
                {
                    _stage = Stage.Stopped;
                    return i + 1;
                }
            }
        }

        return data.Length;
    }

    private int ReadFrameHeader(ReadOnlySpan<byte> data)
    {
        var used = 0;
        while (used < data.Length)
        {
            _header[_headerLength++] = data[used++];
            if (_headerLength >= 2 && _headerLength == HeaderSize())
            {
                StartFrame();
                return used;
            }
        }

        return used;
    }

    private int HeaderSize() => (_header[1] & 0x7F) switch
    {
        126 => 4,
        127 => 10,
        _ => 2,
    } + ((_header[1] & 0x80) != 0 ? 4 : 0);

    private void StartFrame()
    {
        _fin = (_header[0] & 0x80) != 0;
        _opcode = (byte)(_header[0] & 0x0F);
        var length = (_header[1] & 0x7F) switch
        {
            126 => BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2)),
            127 => (long)BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2)),
            var small => small,
        };
        _headerLength = 0;
        _payloadLeft = length;
        _controlLength = 0;
        if (FrameFault(length) is { } fault)
        {
            Stop(fault);
            return;
        }

        if (_opcode is Text or Binary)
        {
            _inMessage = true;
            _messageBytes = 0;
            _textCheck = _opcode == Text ? _utf8.Restarted() : null;
        }

        if (_opcode is Text or Binary or Continuation)
        {
            _messageBytes += length;
            if (_messageBytes > maxMessageBytes)
            {
                Stop(WireFault.MessageTooBig(_messageBytes, _fin, maxMessageBytes), MessageTooBig);
                return;
            }
        }

        _stage = Stage.Payload;
        if (length == 0)
        {
            EndFrame();
        }
    }

    private string? FrameFault(long length)
    {
        var reserved = (_header[0] >> 4) & 0x7;
        return reserved != 0 ? WireFault.ReservedBits(reserved)
            : (_header[1] & 0x80) != 0 ? WireFault.Masked
            : _opcode is 0x3 or 0x4 or 0x5 or 0x6 or 0x7 or >= 0xB ? WireFault.UnknownOpcode(_opcode)
            : length < 0 ? WireFault.NegativeLength
            : _opcode >= Close && !_fin ? WireFault.FragmentedControl(_opcode)
            : _opcode >= Close && length > 125 ? WireFault.LongControl(_opcode, length)
            : _opcode == Continuation && !_inMessage ? WireFault.ContinuationWithoutStart
            : _opcode is Text or Binary && _inMessage ? WireFault.NewMessageBeforeEnd
            : null;
    }

    private int ReadPayload(ReadOnlySpan<byte> data)
    {
        var take = (int)Math.Min(_payloadLeft, data.Length);
        var chunk = data[..take];
        if (_opcode >= Close)
        {
            chunk.CopyTo(_control.AsSpan(_controlLength));
            _controlLength += take;
        }
        else if (_textCheck is not null && !_textCheck.Continues(chunk, final: false))
        {
            Stop(WireFault.InvalidText, InvalidPayloadData);
            return take;
        }

        _payloadLeft -= take;
        if (_payloadLeft == 0)
        {
            EndFrame();
        }

        return take;
    }

    private void EndFrame()
    {
        _stage = Stage.FrameHeader;
        switch (_opcode)
        {
            case Close:
                ReadCloseFrame(_control.AsSpan(0, _controlLength));
                break;
            case Pong:
                PongReceived?.Invoke(_control.AsSpan(0, _controlLength).ToArray(), CompletedMessages);
                break;
            case Ping:
                break;
            default:
                if (_fin)
                {
                    if (_textCheck is not null && !_textCheck.Continues([], final: true))
                    {
                        Stop(WireFault.InvalidText, InvalidPayloadData);
                        return;
                    }

                    _inMessage = false;
                    _textCheck = null;
                    Interlocked.Increment(ref _completedMessages);
                }

                break;
        }
    }

    private void ReadCloseFrame(ReadOnlySpan<byte> body)
    {
        if (body.Length == 1)
        {
            Stop(WireFault.OneByteClose);
            return;
        }

        if (body.Length == 0)
        {
            CloseFrame = new ServerClose(null, "");
            return;
        }

        var status = BinaryPrimitives.ReadUInt16BigEndian(body);
        if (!IsAllowedOnTheWire(status))
        {
            Stop(WireFault.ForbiddenCloseStatus(status));
            return;
        }

        try
        {
            CloseFrame = new ServerClose((System.Net.WebSockets.WebSocketCloseStatus)status, Utf8Check.Strict.GetString(body[2..]));
        }
        catch (DecoderFallbackException)
        {
            Stop(WireFault.InvalidCloseReason(status), InvalidPayloadData);
        }
    }

    /// <summary>RFC 6455 section 7.4: 1004-1006 and 1015 are never sent; below 1000 and 1016-2999 are not assigned to anyone.</summary>
    private static bool IsAllowedOnTheWire(int status) => status is (>= 1000 and <= 1003) or (>= 1007 and <= 1014) or (>= 3000 and <= 4999);

    private void Stop(string violation, int closeStatus = ProtocolError)
    {
        Violation = violation;
        ViolationCloseStatus = closeStatus;
        _stage = Stage.Stopped;
    }
}
