using System.Runtime.CompilerServices;

namespace BddWs.Server.Hardening;

/// <summary>
/// The upgraded connection as the server's WebSockets see it. Every frame a client sends is checked
/// (<see cref="ClientFrameChecker"/>) before the WebSocket implementation reads it. At the first
/// violation, once the whole frames before it have been read, the guard itself sends the close frame
/// (1002, or 1007 for text that is not UTF-8) if one can still be sent, waits up to
/// <c>closeTimeout</c> for the client's close frame or its end of the connection, and only then
/// fails the read, which ends the conversation and the connection.
/// </summary>
/// <remarks>
/// Why not leave it to the framework: it does not check that client frames are masked, and for the
/// violations it does catch it resets the connection right after writing its close frame
/// (ASP.NET Core aborts the request once the WebSocket is aborted), so that frame is often lost.
/// </remarks>
public sealed class GuardedStream(Stream inner, TimeSpan closeTimeout) : Stream
{
    private readonly ClientFrameChecker _received = new();
    private readonly FrameTracker _sent = new();

    // Our own close frame must not land inside a frame the WebSocket is writing.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private bool _failed;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    // Pooled state machines: every read and write of every connection passes here, and a read mostly
    // waits for the network, which would otherwise cost an allocation each time.
    /// <inheritdoc/>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_received.Violation is { } earlier)
        {
            throw await FailAsync(earlier, cancellationToken);
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        var valid = _received.Check(buffer.Span[..read]);

        // Whole frames before a violation are read first; the next read fails.
        return _received.Violation is { } violation && valid == 0 ? throw await FailAsync(violation, cancellationToken) : valid;
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            if (_failed)
            {
                throw new IOException("The connection is closing: the client broke the WebSocket protocol.");
            }

            _sent.Observe(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await inner.FlushAsync(cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Not supported: WebSockets read asynchronously.</summary>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Not supported: WebSockets write asynchronously.</summary>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Not supported: WebSockets flush asynchronously.</summary>
    public override void Flush() => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }

    // Returns the exception that ends the read. Not a WebSocketException: the WebSocket would take it
    // for a broken connection and abort, and ASP.NET Core resets an aborted WebSocket's connection,
    // which can still lose the close frame. A cancellation passes through and leaves the WebSocket as
    // it was, so the endpoint ends the request normally and Kestrel closes the connection after
    // sending everything.
    private async Task<OperationCanceledException> FailAsync(FrameViolation violation, CancellationToken cancellation)
    {
        // One deadline for all of it: a client that does not read could otherwise hold up the close frame.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(closeTimeout);
        try
        {
            if (await TrySendCloseAsync(violation, deadline.Token))
            {
                await AwaitClientCloseAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            // Out of time: the connection is dropped.
        }
        catch (IOException)
        {
            // The client is gone.
        }

        return new OperationCanceledException($"The client broke the WebSocket protocol: {violation.Reason}.");
    }

    private async Task<bool> TrySendCloseAsync(FrameViolation violation, CancellationToken deadline)
    {
        await _writing.WaitAsync(deadline);
        try
        {
            if (_failed)
            {
                return false;
            }

            _failed = true;
            if (_sent.CloseSeen || !_sent.BetweenFrames)
            {
                // Too late for a close frame: the connection is just dropped.
                return false;
            }

            var frame = violation.CloseFrame();
            _sent.Observe(frame);
            await inner.WriteAsync(frame, deadline);
            await inner.FlushAsync(deadline);
            return true;
        }
        finally
        {
            _writing.Release();
        }
    }

    // A client that answers our close frame has read it; one that ends the connection no longer
    // matters. Either way the end of the connection can no longer lose the close frame.
    private async Task AwaitClientCloseAsync(CancellationToken deadline)
    {
        var buffer = new byte[4096];
        while (!_received.PeerClosed && await inner.ReadAsync(buffer, deadline) is > 0 and var read)
        {
            _received.Check(buffer.AsSpan(0, read));
        }
    }
}
