using System.Net;
using System.Net.Sockets;

namespace BddWs.Testing;

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

    private RawWebSocketServer(TcpListener listener, Func<RawPeer, Task> script, Func<RawPeer, Task> handshake)
    {
        _listener = listener;
        Url = new Uri($"ws://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/ws");
        _accepting = AcceptAsync(script, handshake);
    }

    public Uri Url { get; }

    /// <param name="script">What the server does once the handshake is answered.</param>
    /// <param name="handshake">How the handshake is answered; by default a right 101 (<see cref="RawPeer.AnswerHandshakeAsync"/>).</param>
    public static RawWebSocketServer Start(Func<RawPeer, Task> script, Func<RawPeer, Task>? handshake = null)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new RawWebSocketServer(listener, script, handshake ?? (peer => peer.AnswerHandshakeAsync()));
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

    private async Task AcceptAsync(Func<RawPeer, Task> script, Func<RawPeer, Task> handshake)
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
                _connections.Add(RunAsync(tcp, script, handshake));
            }
        }
    }

    private async Task RunAsync(TcpClient tcp, Func<RawPeer, Task> script, Func<RawPeer, Task> handshake)
    {
        await using var peer = new RawPeer(tcp, _stopping.Token);
        try
        {
            await handshake(peer);
            await script(peer);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or EndOfStreamException or ObjectDisposedException)
        {
            // The client went away, or the test ended: what the script wanted to show is shown.
        }
    }
}
