using System.Net.WebSockets;

namespace BddWs.Server.Hardening;

/// <summary>One admitted WebSocket connection in <see cref="OpenWebSockets"/>; disposing it gives the slot back.</summary>
public sealed class ConnectionSlot : IDisposable
{
    private readonly OpenWebSockets _owner;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ConnectionSlot(OpenWebSockets owner) => _owner = owner;

    /// <summary>The connection's socket once the handshake is accepted.</summary>
    public WebSocket? Socket { get; internal set; }

    /// <summary>Records the accepted socket, so shutdown can close it.</summary>
    public void Accepted(WebSocket socket) => _owner.Accepted(this, socket);

    /// <summary>Gives the slot back: the connection's request has ended.</summary>
    public void Dispose()
    {
        _owner.Release(this);
        _ended.TrySetResult();
    }

    internal async Task CloseForShutdownAsync(WebSocket socket, TimeSpan closeTimeout)
    {
        using var deadline = new CancellationTokenSource(closeTimeout);
        try
        {
            // Only the close frame: the endpoint keeps reading and sees the client's answer, then ends.
            await socket.CloseOutputAsync(OpenWebSockets.ShutdownStatus, OpenWebSockets.ShutdownReason, deadline.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already closing, closed or broken: nothing more to say to it.
        }

        try
        {
            await _ended.Task.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // A client that does not answer must not hold up the shutdown.
            socket.Abort();
        }
    }
}
