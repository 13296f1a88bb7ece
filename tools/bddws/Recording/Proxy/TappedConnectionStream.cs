using System.Threading.Channels;

namespace BddWs.Cli.Recording.Proxy;

/// <summary>
/// The client's side of an upgraded connection as the forwarder sees it: what it reads came from the
/// client, what it writes goes to the client. Each passes through untouched; a copy goes to a channel,
/// read by the WebSocket parsers off the forwarding path.
/// <paramref name="ended"/> hears how the connection ended: true when the client ended it (its side read
/// to the end or failed), false when the forwarder let it go (the service ended it, or the proxy stopped).
/// </summary>
internal sealed class TappedConnectionStream(Stream inner, ChannelWriter<Chunk> fromClient, ChannelWriter<Chunk> toClient, SessionRecorder recorder, Action<bool> ended) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception failure)
        {
            // A read the forwarder cancelled (the service's side ended first) is not the client's doing.
            if (failure is not OperationCanceledException)
            {
                ended(true);
            }

            fromClient.TryComplete();
            throw;
        }

        if (buffer.IsEmpty)
        {
            // The forwarder's zero-byte read: it waits for data without holding a buffer; not the end.
        }
        else if (read == 0)
        {
            ended(true);
            fromClient.TryComplete();
        }
        else
        {
            fromClient.TryWrite(new Chunk(recorder.Passed(), buffer.Span[..read].ToArray()));
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Copied before the write: the forwarder reuses its buffer as soon as the write completes.
        toClient.TryWrite(new Chunk(recorder.Passed(), buffer.ToArray()));
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override void Flush() => inner.Flush();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ended(false);
            fromClient.TryComplete();
            toClient.TryComplete();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        ended(false);
        fromClient.TryComplete();
        toClient.TryComplete();
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
