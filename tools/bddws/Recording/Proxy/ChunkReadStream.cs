using System.Threading.Channels;

namespace BddWs.Cli.Recording.Proxy;

/// <summary>
/// One direction of a recorded connection as a stream for a WebSocket parser: reads the copied chunks
/// in order and remembers when the last one it handed out passed. What the parser writes (pongs, close
/// replies) goes nowhere: the real ones were forwarded already.
/// </summary>
internal sealed class ChunkReadStream(ChannelReader<Chunk> chunks) : Stream
{
    private ReadOnlyMemory<byte> current = ReadOnlyMemory<byte>.Empty;

    /// <summary>When the bytes last read passed the proxy.</summary>
    public TimeSpan LastAt { get; private set; }

    /// <summary>The connection's end in this direction was read.</summary>
    public bool Ended { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (current.IsEmpty)
        {
            if (!await chunks.WaitToReadAsync(cancellationToken))
            {
                Ended = true;
                return 0;
            }

            if (chunks.TryRead(out var chunk))
            {
                current = chunk.Bytes;
                LastAt = chunk.At;
            }
        }

        var count = Math.Min(buffer.Length, current.Length);
        current[..count].CopyTo(buffer);
        current = current[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads to the end, keeping nothing: after a parser gave up, the channel must not grow.</summary>
    public async Task DrainAsync()
    {
        current = ReadOnlyMemory<byte>.Empty;
        await foreach (var chunk in chunks.ReadAllAsync())
        {
            LastAt = chunk.At;
        }

        Ended = true;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.CompletedTask;
    public override void Write(byte[] buffer, int offset, int count) { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
