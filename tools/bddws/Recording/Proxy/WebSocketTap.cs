using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace BddWs.Cli.Recording.Proxy;

/// <summary>
/// Reads the frames of one proxied WebSocket connection from copies of its bytes, off the forwarding
/// path: .NET's own WebSocket reads each direction (as the service would read the client's masked frames,
/// as a client would read the service's), so fragments come back as whole messages, pings stay out, and
/// the close frames give their status and reason.
/// </summary>
internal sealed class WebSocketTap
{
    private readonly Channel<Chunk> fromClient = Channel.CreateUnbounded<Chunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Channel<Chunk> toClient = Channel.CreateUnbounded<Chunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SessionRecorder recorder;
    private readonly string connection;
    private readonly WebSocketDeflateOptions? deflate;
    private readonly Lock gate = new();
    private (bool ByClient, TimeSpan At)? end;

    private WebSocketTap(SessionRecorder recorder, string connection, WebSocketDeflateOptions? deflate)
    {
        this.recorder = recorder;
        this.connection = connection;
        this.deflate = deflate;
    }

    /// <summary>Starts reading the connection's two directions; <paramref name="clientSide"/> is what the forwarder copies through instead.</summary>
    public static Stream Tap(Stream clientSide, SessionRecorder recorder, string connection, string? extensions)
    {
        var tap = new WebSocketTap(recorder, connection, DeflateNegotiation.Of(extensions));
        recorder.Track(Task.Run(tap.ReadAsync));
        return new TappedConnectionStream(clientSide, tap.fromClient.Writer, tap.toClient.Writer, recorder, tap.Ended);
    }

    /// <summary>The first word on how the connection ended wins: the client's end, or the forwarder letting go.</summary>
    private void Ended(bool byClient)
    {
        lock (gate)
        {
            end ??= (byClient, recorder.Now);
        }
    }

    private async Task ReadAsync()
    {
        var sides = await Task.WhenAll(ReadAsync(fromClient.Reader, fromClient: true), ReadAsync(toClient.Reader, fromClient: false));
        var (client, service) = (sides[0], sides[1]);
        if (new[] { client, service }.Where(s => s.CloseFrame).OrderBy(s => s.At).FirstOrDefault() is { } first)
        {
            recorder.Add(new WebSocketClosed(first.At, connection, first.FromClient, first.Status, first.Reason));
            recorder.Log($"WebSocket {connection} closed by the {(first.FromClient ? "client" : "service")}{(first.Status is { } status ? $" ({status})" : "")}");
        }
        else if (!recorder.Stopping)
        {
            // No close frame: whoever ended the connection first.
            var (byClient, at) = end ?? (false, recorder.Now);
            recorder.Add(new WebSocketClosed(at, connection, byClient, null, null));
            recorder.Log($"WebSocket {connection} ended by the {(byClient ? "client" : "service")} without a close frame");
        }
    }

    private async Task<Side> ReadAsync(ChannelReader<Chunk> chunks, bool fromClient)
    {
        var stream = new ChunkReadStream(chunks);
        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
        {
            IsServer = fromClient,
            KeepAliveInterval = TimeSpan.Zero,
            DangerousDeflateOptions = deflate,
        });
        var buffer = new byte[16 * 1024];
        var message = new BodyCapture(recorder.Limit);
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    var status = socket.CloseStatus is { } s and not WebSocketCloseStatus.Empty ? (int?)s : null;
                    var reason = string.IsNullOrEmpty(socket.CloseStatusDescription) ? null : socket.CloseStatusDescription;
                    var at = stream.LastAt;
                    await stream.DrainAsync();
                    return new Side(fromClient, at, CloseFrame: true, status, reason);
                }

                message.Add(buffer.AsSpan(0, received.Count));
                if (received.EndOfMessage)
                {
                    if (message.Cut)
                    {
                        recorder.NoteCut();
                    }

                    var binary = received.MessageType == WebSocketMessageType.Binary;
                    var payload = binary ? Convert.ToBase64String(message.Bytes) : Encoding.UTF8.GetString(message.Bytes);
                    recorder.Add(new WebSocketFrame(stream.LastAt, connection, fromClient, payload, binary));
                    message.Clear();
                }
            }
        }
        catch (Exception) when (stream.Ended)
        {
            // The connection ended without a close frame this way.
        }
        catch (Exception unreadable)
        {
            recorder.Log($"WebSocket {connection}: the {(fromClient ? "client's" : "service's")} frames could not be read after {stream.LastAt.TotalSeconds:0.000} s ({unreadable.Message}); they were forwarded, not recorded");
            await stream.DrainAsync();
        }

        return new Side(fromClient, stream.LastAt, CloseFrame: false, null, null);
    }

    private sealed record Side(bool FromClient, TimeSpan At, bool CloseFrame, int? Status, string? Reason);
}
