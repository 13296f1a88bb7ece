using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace BddWs.Bridge;

/// <summary>
/// One WebSocket message there and back over loopback, inside the process, between .NET's own client
/// and <see cref="HttpListener"/>: the first connection of a run then finds the socket, HTTP handshake
/// and WebSocket code loaded and compiled (about 0.1 s less before a waiting run's first scenario
/// passes). The service under test is never contacted: a warm-up must not be a connection it counts.
/// Only for speed: any failure is ignored.
/// </summary>
internal static class WebSocketWarmUp
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public static async Task RunAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var cancel = deadline.Token;
        try
        {
            // HttpListener takes no port 0: the system's free port, taken over at once.
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();

            using var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            var echo = EchoOnceAsync(listener, cancel);

            using var client = new ClientWebSocket();
            await client.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/"), cancel);
            await client.SendAsync("warm-up"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, cancel);
            await client.ReceiveAsync(new byte[64], cancel);
            await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cancel);
            await echo;
        }
        catch (Exception ex) when (ex is WebSocketException or HttpListenerException or SocketException or OperationCanceledException
                                       or InvalidOperationException or PlatformNotSupportedException)
        {
        }
    }

    private static async Task EchoOnceAsync(HttpListener listener, CancellationToken cancel)
    {
        var context = await listener.GetContextAsync().WaitAsync(cancel);
        using var socket = (await context.AcceptWebSocketAsync(subProtocol: null)).WebSocket;
        var buffer = new byte[64];
        var received = await socket.ReceiveAsync(buffer, cancel);
        await socket.SendAsync(buffer.AsMemory(0, received.Count), WebSocketMessageType.Text, endOfMessage: true, cancel);
        await socket.ReceiveAsync(buffer, cancel);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancel);
    }
}
