using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace BddWs.Driver;

/// <summary>
/// The connection's byte stream (after TLS) as the WebSocket library reads and writes it, with a
/// <see cref="ServerFrameReader"/> following every byte the server sends. The library still does
/// all the WebSocket work; the tap stops the stream at the first thing the server did wrong (a
/// message over the size limit before its payload is buffered, a broken frame), so the library
/// fails with the tap's reason, and it can ask the server for a round trip (<see cref="RoundTripAsync"/>).
/// </summary>
public sealed class WireTap : Stream
{
    private const int RequestHeadLimit = 16 * 1024;

    private readonly Stream _inner;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int?>> _roundTrips = new();
    private readonly StringBuilder _requestHead = new();
    private int _roundTripNumber;
    private volatile bool _serverEnded;
    private volatile bool _serverReset;
    private bool _requestHeadComplete;

    public WireTap(Stream inner, long maxMessageBytes)
    {
        _inner = inner;
        Server = new ServerFrameReader(maxMessageBytes);
        Server.PongReceived += OnPong;
    }

    /// <summary>What the server has sent so far, frame by frame.</summary>
    public ServerFrameReader Server { get; }

    /// <summary>True once the server ended the TCP stream, by closing or resetting it.</summary>
    public bool ServerEnded => _serverEnded;

    /// <summary>True when the server ended the TCP stream with a reset rather than an orderly close.</summary>
    public bool ServerReset => _serverReset;

    /// <summary>The handshake request as the client sent it (its head, for the <c>Sec-WebSocket-Key</c>).</summary>
    public string RequestHead
    {
        get
        {
            lock (_requestHead)
            {
                return _requestHead.ToString();
            }
        }
    }

    /// <summary>
    /// Sends a ping with a payload of its own, between the library's frames, and waits for its pong.
    /// A server answers frames in the order it reads them, so everything it sent before reading
    /// the ping has arrived before the pong. Returns how many whole messages had arrived by then;
    /// null if no pong came within <paramref name="within"/> or the connection ended first.
    /// </summary>
    public async Task<int?> RoundTripAsync(TimeSpan within)
    {
        if (Server.Violation is not null || Server.CloseFrame is not null || _serverEnded)
        {
            return null;
        }

        // Unguessable, so that no pong sent for another reason can pass for the answer.
        var payload = Encoding.ASCII.GetBytes($"bddws-round-trip-{Interlocked.Increment(ref _roundTripNumber)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}");
        var key = Convert.ToHexString(payload);
        var answered = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _roundTrips[key] = answered;
        try
        {
            if (Server.CloseFrame is not null || _serverEnded)
            {
                return null;
            }

            // The write is never cancelled half-way: a torn frame would break the stream for the library.
            _ = WriteWholeAsync(MaskedFrame(0x9, payload)).ContinueWith(
                written =>
                {
                    // The connection is gone, so no pong will come; reading the error marks it as seen.
                    _ = written.Exception;
                    answered.TrySetResult(null);
                },
                CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
            return await answered.Task.WaitAsync(within).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _roundTrips.TryRemove(key, out _);
        }
    }

    // Pooled: the library reads and writes through here for every frame, and an unpooled await that
    // does not complete at once allocates its state machine each time.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfServerDidWrong();
        try
        {
            var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Pass(buffer.Span[..read]);
        }
        catch (IOException ex) when (IsServerReset(ex))
        {
            Reset();
            throw;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        ThrowIfServerDidWrong();
        try
        {
            return Pass(buffer[.._inner.Read(buffer)]);
        }
        catch (IOException ex) when (IsServerReset(ex))
        {
            Reset();
            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            KeepRequestHead(buffer.Span);
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _writing.Wait();
        try
        {
            KeepRequestHead(buffer);
            _inner.Write(buffer);
        }
        finally
        {
            _writing.Release();
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override bool CanRead => _inner.CanRead;

    public override bool CanWrite => _inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            EndRoundTrips();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        EndRoundTrips();
        await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Pass(ReadOnlySpan<byte> read)
    {
        if (read.Length == 0)
        {
            _serverEnded = true;
            EndRoundTrips();
            return 0;
        }

        var wasFine = Server.Violation is null;
        var passed = Server.Read(read);
        if (wasFine && Server.Violation is not null)
        {
            _ = TellServerWhyAsync(Server.ViolationCloseStatus);
        }

        if (Server.Violation is not null || Server.CloseFrame is not null)
        {
            // No pong follows a close or a broken frame: the close event decides instead.
            EndRoundTrips();
        }

        if (passed == 0)
        {
            ThrowIfServerDidWrong();
        }

        return passed;
    }

    /// <summary>A reset from the server's side; not the client's own abort, which ends a read too.</summary>
    private static bool IsServerReset(IOException error) =>
        error.GetBaseException() is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionReset };

    private void Reset()
    {
        _serverReset = true;
        _serverEnded = true;
        EndRoundTrips();
    }

    private void ThrowIfServerDidWrong()
    {
        if (Server.Violation is { } violation)
        {
            throw new IOException(violation);
        }
    }

    private async Task WriteWholeAsync(byte[] frame)
    {
        await _writing.WaitAsync().ConfigureAwait(false);
        try
        {
            await _inner.WriteAsync(frame).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// A close frame with the RFC's status for what the server did wrong, written before the
    /// library drops the connection, as RFC 6455 section 7.1.7 asks. Best effort: a server that
    /// does not read will not get it, and the drop follows anyway.
    /// </summary>
    private async Task TellServerWhyAsync(int closeStatus)
    {
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _writing.WaitAsync(patience.Token).ConfigureAwait(false);
            try
            {
                await _inner.WriteAsync(MaskedFrame(0x8, [(byte)(closeStatus >> 8), (byte)closeStatus]), patience.Token).ConfigureAwait(false);
            }
            finally
            {
                _writing.Release();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or NotSupportedException)
        {
            // The connection is being dropped anyway.
        }
    }

    private void OnPong(byte[] payload, int messagesBefore)
    {
        if (_roundTrips.TryGetValue(Convert.ToHexString(payload), out var answered))
        {
            answered.TrySetResult(messagesBefore);
        }
    }

    private void EndRoundTrips()
    {
        foreach (var answered in _roundTrips.Values)
        {
            answered.TrySetResult(null);
        }
    }

    private void KeepRequestHead(ReadOnlySpan<byte> written)
    {
        if (_requestHeadComplete)
        {
            return;
        }

        lock (_requestHead)
        {
            _requestHead.Append(Encoding.ASCII.GetString(written[..Math.Min(written.Length, RequestHeadLimit)]));
            _requestHeadComplete = _requestHead.Length >= RequestHeadLimit || _requestHead.ToString().Contains("\r\n\r\n", StringComparison.Ordinal);
        }
    }

    /// <summary>A client frame: FIN set, masked with a random key as RFC 6455 section 5.3 requires.</summary>
    private static byte[] MaskedFrame(byte opcode, byte[] payload)
    {
        var frame = new byte[6 + payload.Length];
        frame[0] = (byte)(0x80 | opcode);
        frame[1] = (byte)(0x80 | payload.Length);
        RandomNumberGenerator.Fill(frame.AsSpan(2, 4));
        for (var i = 0; i < payload.Length; i++)
        {
            frame[6 + i] = (byte)(payload[i] ^ frame[2 + (i % 4)]);
        }

        return frame;
    }
}
