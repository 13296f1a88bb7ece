using BddWs.Testing;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace BddWs.Server.Tests.Helpers;

/// <summary>
/// A bare TCP connection to the server, to send what no WebSocket library would. Every read gives up
/// after <see cref="TestClient.Deadline"/> (or the deadline given), so a test never hangs.
/// </summary>
public sealed class RawClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly List<byte> _unread = [];

    // A pong answered while reading may meet a frame being sent by another task: one write at a time.
    private readonly SemaphoreSlim _writing = new(1, 1);

    private RawClient(TcpClient tcp, string host)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        Host = host;
    }

    /// <summary>The server's host and port, as a <c>Host</c> header names them.</summary>
    public string Host { get; }

    public const string SampleKey = "dGhlIHNhbXBsZSBub25jZQ==";

    public static async Task<RawClient> ConnectAsync(BundledServer server)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using var deadline = Deadline(TestClient.Deadline);
            await tcp.ConnectAsync(server.Http.Host, server.Http.Port, deadline.Token);
            return new RawClient(tcp, server.Http.Authority);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>A connection that has completed a valid handshake for <paramref name="path"/>.</summary>
    public static async Task<RawClient> OpenAsync(BundledServer server, string path = "/ws")
    {
        var client = await ConnectAsync(server);
        var response = await client.HandshakeAsync(path);
        if (response.Status != 101)
        {
            await client.DisposeAsync();
            throw new InvalidOperationException($"Expected 101 but the handshake got {response.Status}.");
        }

        return client;
    }

    /// <summary>The request lines of a valid handshake for <paramref name="path"/> (no blank line at the end).</summary>
    public string HandshakeLines(string path = "/ws", string key = SampleKey, string version = "13") =>
        $"GET {path} HTTP/1.1\r\nHost: {Host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: {version}\r\n";

    public async Task<HttpHead> HandshakeAsync(string path, params string[] extraHeaders)
    {
        await SendAsync(HandshakeLines(path) + string.Concat(extraHeaders.Select(header => header + "\r\n")) + "\r\n");
        return await ReadHeadAsync();
    }

    public Task SendAsync(string ascii) => SendAsync(Encoding.ASCII.GetBytes(ascii));

    public async Task SendAsync(byte[] bytes)
    {
        using var deadline = Deadline(TestClient.Deadline);
        await _writing.WaitAsync(deadline.Token);
        try
        {
            await _stream.WriteAsync(bytes, deadline.Token);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Sends each byte in its own write.</summary>
    public async Task SendByteByByteAsync(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            await SendAsync([b]);
        }
    }

    /// <summary>An HTTP response's status line and headers.</summary>
    public async Task<HttpHead> ReadHeadAsync(TimeSpan? within = null)
    {
        using var deadline = Deadline(within ?? TestClient.Deadline);
        int end;
        while ((end = IndexOfBlankLine()) < 0)
        {
            if (!await FillAsync(deadline.Token))
            {
                throw new EndOfStreamException($"The connection ended before a whole response head: \"{Encoding.ASCII.GetString([.. _unread])}\"");
            }
        }

        var head = Encoding.ASCII.GetString([.. _unread.Take(end)]);
        _unread.RemoveRange(0, end + 4);
        return HttpHead.Parse(head);
    }

    /// <summary>
    /// The next frame from the server, skipping pings and pongs (keep-alive traffic). Pings are
    /// answered, as any client answers them, so that a slow test on a busy machine is not taken
    /// for a dead client by a server with a short keep-alive timeout.
    /// </summary>
    public async Task<ServerFrame> ReadFrameAsync(TimeSpan? within = null)
    {
        using var deadline = Deadline(within ?? TestClient.Deadline);
        while (true)
        {
            var frame = await ReadAnyFrameAsync(deadline.Token);
            if (frame.Opcode == ClientFrames.Ping)
            {
                await SendAsync(ClientFrames.Frame(ClientFrames.Pong, frame.Payload));
            }
            else if (frame.Opcode != ClientFrames.Pong)
            {
                return frame;
            }
        }
    }

    /// <summary>The next frame from the server, pings and pongs included.</summary>
    public async Task<ServerFrame> ReadAnyFrameAsync(TimeSpan? within = null)
    {
        using var deadline = Deadline(within ?? TestClient.Deadline);
        return await ReadAnyFrameAsync(deadline.Token);
    }

    /// <summary>
    /// True once the server has ended the connection (end of stream or reset), reading and dropping
    /// whatever comes before; false if it is still open after <paramref name="within"/>.
    /// </summary>
    public async Task<bool> EndsWithinAsync(TimeSpan within)
    {
        using var deadline = Deadline(within);
        var buffer = new byte[16 * 1024];
        try
        {
            while (await _stream.ReadAsync(buffer, deadline.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        _writing.Dispose();
        return ValueTask.CompletedTask;
    }

    private static CancellationTokenSource Deadline(TimeSpan within)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(within);
        return deadline;
    }

    private async Task<ServerFrame> ReadAnyFrameAsync(CancellationToken deadline)
    {
        await NeedAsync(2, deadline);
        var lengthCode = _unread[1] & 0x7F;
        var headerLength = 2 + (lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0);
        await NeedAsync(headerLength, deadline);
        var header = _unread.Take(headerLength).ToArray();
        var length = lengthCode switch
        {
            126 => BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2)),
            127 => checked((int)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(2))),
            _ => lengthCode,
        };
        await NeedAsync(headerLength + length, deadline);
        var payload = _unread.Skip(headerLength).Take(length).ToArray();
        _unread.RemoveRange(0, headerLength + length);
        return new ServerFrame((header[0] & 0x80) != 0, header[0] & 0x0F, (header[1] & 0x80) != 0, payload);
    }

    private async Task NeedAsync(int count, CancellationToken deadline)
    {
        while (_unread.Count < count)
        {
            if (!await FillAsync(deadline))
            {
                throw new EndOfStreamException($"The connection ended with {_unread.Count} of {count} bytes of a frame.");
            }
        }
    }

    private async Task<bool> FillAsync(CancellationToken deadline)
    {
        var buffer = new byte[16 * 1024];
        var read = await _stream.ReadAsync(buffer, deadline);
        _unread.AddRange(buffer.AsSpan(0, read));
        return read > 0;
    }

    private int IndexOfBlankLine()
    {
        for (var i = 0; i + 3 < _unread.Count; i++)
        {
            if (_unread[i] == '\r' && _unread[i + 1] == '\n' && _unread[i + 2] == '\r' && _unread[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
