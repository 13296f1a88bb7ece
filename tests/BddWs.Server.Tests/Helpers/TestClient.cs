using System.Net.WebSockets;
using System.Text;
using Xunit;

using BddWs.Testing;

namespace BddWs.Server.Tests.Helpers;

/// <summary>
/// A plain <see cref="ClientWebSocket"/> with whole-message receives that give up after a
/// deadline (<see cref="Patience"/>), so a missing message fails the test instead of hanging it.
/// </summary>
public sealed class TestClient : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = Patience.MustHappen;

    private TestClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    /// <summary>Connects, keeping the handshake response's status and headers for assertions.</summary>
    public static async Task<TestClient> ConnectAsync(Uri uri, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = NewSocket(configure);
        try
        {
            using var deadline = DeadlineToken();
            await socket.ConnectAsync(uri, deadline.Token);
            return new TestClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A client around a socket connected some other way (e.g. over HTTP/2).</summary>
    public static TestClient Wrap(ClientWebSocket connected) => new(connected);

    /// <summary>A socket set up as <see cref="ConnectAsync"/> sets it up, for handshakes expected to fail.</summary>
    public static ClientWebSocket NewSocket(Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure?.Invoke(socket.Options);
        return socket;
    }

    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] payload, WebSocketMessageType type)
    {
        using var deadline = DeadlineToken();
        await Socket.SendAsync(payload, type, true, deadline.Token);
    }

    /// <summary>The next whole message or the server's close; fails after <see cref="Deadline"/>.</summary>
    public async Task<Received> ReceiveAsync()
    {
        using var deadline = DeadlineToken();
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var frame = await Socket.ReceiveAsync(buffer, deadline.Token);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    return new Received(WebSocketMessageType.Close, [], frame.CloseStatus, frame.CloseStatusDescription);
                }

                message.Write(buffer, 0, frame.Count);
                if (frame.EndOfMessage)
                {
                    return new Received(frame.MessageType, message.ToArray());
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Nothing arrived within {Deadline.TotalSeconds}s.");
        }
    }

    public async Task<string> ReceiveTextAsync()
    {
        var received = await ReceiveAsync();
        return received.Type == WebSocketMessageType.Text
            ? received.Text
            : throw new InvalidOperationException($"Expected a text message but received {received}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            try
            {
                using var deadline = DeadlineToken();
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", deadline.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The test is over; a connection that cannot close politely just goes.
            }
        }

        Socket.Dispose();
    }

    private static CancellationTokenSource DeadlineToken()
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Deadline);
        return deadline;
    }
}
