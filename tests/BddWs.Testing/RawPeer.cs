using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace BddWs.Testing;

/// <summary>
/// One connection to a <see cref="RawWebSocketServer"/>: frames written byte for byte as the test
/// wants them (server frames, unmasked unless the test masks them), and the client's frames read
/// and unmasked. Every read gives up after <see cref="Deadline"/>, so a script never hangs.
/// </summary>
public sealed partial class RawPeer : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private const string KeyGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly CancellationToken _stopping;
    private readonly List<byte> _unread = [];

    public RawPeer(TcpClient tcp, CancellationToken stopping)
    {
        _tcp = tcp;
        _tcp.NoDelay = true;
        _stream = tcp.GetStream();
        _stopping = stopping;
    }

    public static string AcceptFor(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + KeyGuid)));

    /// <summary>
    /// Reads the handshake request and answers 101, with the accept value <paramref name="acceptFor"/> gives
    /// (by default the right one), <paramref name="extraHeaders"/> (whole lines), and <paramref name="before"/> sent first.
    /// </summary>
    public async Task AnswerHandshakeAsync(Func<string, string>? acceptFor = null, string extraHeaders = "", string before = "")
    {
        var request = await ReadRequestHeadAsync();
        var key = KeyLine().Match(request).Groups[1].Value.Trim();
        await SendAsync(Encoding.ASCII.GetBytes(
            $"{before}HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {(acceptFor ?? AcceptFor)(key)}\r\n{extraHeaders}\r\n"));
    }

    public async Task SendAsync(byte[] bytes)
    {
        using var deadline = DeadlineToken();
        await _stream.WriteAsync(bytes, deadline.Token);
    }

    /// <summary>A frame with this first byte (FIN, RSV bits, opcode) and payload, length encoded as RFC 6455 says.</summary>
    public Task SendFrameAsync(byte firstByte, byte[] payload, bool masked = false) => SendAsync(Frame(firstByte, payload, masked));

    public Task SendTextAsync(string text) => SendFrameAsync(0x81, Encoding.UTF8.GetBytes(text));

    public Task SendCloseAsync(int status, string reason = "") => SendFrameAsync(0x88, ClosePayload(status, Encoding.UTF8.GetBytes(reason)));

    public static byte[] ClosePayload(int status, byte[] reason)
    {
        var payload = new byte[2 + reason.Length];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
        reason.CopyTo(payload, 2);
        return payload;
    }

    public static byte[] Frame(byte firstByte, byte[] payload, bool masked = false, long? announcedLength = null)
    {
        var length = announcedLength ?? payload.Length;
        var header = new List<byte> { firstByte };
        var mask = masked ? 0x80 : 0;
        if (length < 126)
        {
            header.Add((byte)(mask | (int)length));
        }
        else if (length <= ushort.MaxValue)
        {
            header.Add((byte)(mask | 126));
            header.AddRange([(byte)(length >> 8), (byte)length]);
        }
        else
        {
            header.Add((byte)(mask | 127));
            var bytes = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)length);
            header.AddRange(bytes);
        }

        if (masked)
        {
            byte[] key = [1, 2, 3, 4];
            header.AddRange(key);
            return [.. header, .. payload.Select((b, i) => (byte)(b ^ key[i % 4]))];
        }

        return [.. header, .. payload];
    }

    /// <summary>The next frame the client sent (opcode, unmasked payload).</summary>
    public async Task<(int Opcode, byte[] Payload)> ReadFrameAsync()
    {
        await NeedAsync(2);
        var lengthCode = _unread[1] & 0x7F;
        var headerLength = 2 + (lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0) + 4;
        await NeedAsync(headerLength);
        var length = lengthCode switch
        {
            126 => BinaryPrimitives.ReadUInt16BigEndian([.. _unread.Skip(2).Take(2)]),
            127 => checked((int)BinaryPrimitives.ReadUInt64BigEndian([.. _unread.Skip(2).Take(8)])),
            _ => lengthCode,
        };
        await NeedAsync(headerLength + length);
        var key = _unread.Skip(headerLength - 4).Take(4).ToArray();
        var payload = _unread.Skip(headerLength).Take(length).Select((b, i) => (byte)(b ^ key[i % 4])).ToArray();
        var opcode = _unread[0] & 0x0F;
        _unread.RemoveRange(0, headerLength + length);
        return (opcode, payload);
    }

    /// <summary>Reads the client's frames until one of this opcode comes, answering none of them.</summary>
    public async Task<byte[]> ReadUntilAsync(int opcode)
    {
        while (true)
        {
            var frame = await ReadFrameAsync();
            if (frame.Opcode == opcode)
            {
                return frame.Payload;
            }
        }
    }

    /// <summary>Ends the TCP connection at once, without a close frame.</summary>
    public void Drop() => _tcp.Client.Close(0);

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> ReadRequestHeadAsync()
    {
        while (true)
        {
            var text = Encoding.ASCII.GetString([.. _unread]);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                _unread.RemoveRange(0, end + 4);
                return text[..end];
            }

            await FillAsync();
        }
    }

    private async Task NeedAsync(int count)
    {
        while (_unread.Count < count)
        {
            await FillAsync();
        }
    }

    private async Task FillAsync()
    {
        using var deadline = DeadlineToken();
        var buffer = new byte[16 * 1024];
        var read = await _stream.ReadAsync(buffer, deadline.Token);
        if (read == 0)
        {
            throw new EndOfStreamException("The client ended the connection.");
        }

        _unread.AddRange(buffer.AsSpan(0, read));
    }

    private CancellationTokenSource DeadlineToken()
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        deadline.CancelAfter(Deadline);
        return deadline;
    }

    [GeneratedRegex(@"^Sec-WebSocket-Key:(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex KeyLine();
}
