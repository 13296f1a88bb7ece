using System.Net;
using System.Net.Sockets;

namespace BddWs.Tests.Fakes;

/// <summary>
/// A WebSocket server written by hand on a TCP listener (loopback, free port): it answers the
/// handshake as the test says, then runs the test's script on the raw connection, where it can
/// break RFC 6455 in ways no WebSocket library would. Each connection runs the script once.
/// </summary>
public sealed class RawWebSocketServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    private RawWebSocketServer(TcpListener listener, Func<RawPeer, Task> script, Func<string, string> acceptFor)
    {
        _listener = listener;
        Url = new Uri($"ws://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/ws");
        _accepting = AcceptAsync(script, acceptFor);
    }

    public Uri Url { get; }

    /// <summary>The first script failure, if any (a test may assert there was none).</summary>
    public Exception? Failure { get; private set; }

    /// <param name="script">What the server does once the handshake is answered.</param>
    /// <param name="acceptFor">The Sec-WebSocket-Accept value sent for a client key; by default the right one.</param>
    public static RawWebSocketServer Start(Func<RawPeer, Task> script, Func<string, string>? acceptFor = null)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new RawWebSocketServer(listener, script, acceptFor ?? RawPeer.AcceptFor);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
    }

    private async Task AcceptAsync(Func<RawPeer, Task> script, Func<string, string> acceptFor)
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_connections)
            {
                _connections.Add(RunAsync(tcp, script, acceptFor));
            }
        }
    }

    private async Task RunAsync(TcpClient tcp, Func<RawPeer, Task> script, Func<string, string> acceptFor)
    {
        await using var peer = new RawPeer(tcp, _stopping.Token);
        try
        {
            await peer.AnswerHandshakeAsync(acceptFor);
            await script(peer);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or EndOfStreamException or ObjectDisposedException)
        {
            // The client went away, or the test ended: what the script wanted to show is shown.
            Failure ??= _stopping.IsCancellationRequested ? null : ex;
        }
    }
}
