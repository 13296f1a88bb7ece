using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace BddWs.Tests.Fakes;

/// <summary>
/// A WebSocket server on a bare TCP socket, for the misbehaviour no WebSocket library commits:
/// it answers each handshake as told (by default correctly, RFC 6455 section 4.2.2), then runs a
/// script on the raw stream. Everything it holds ends when it is disposed, so a test never hangs on it.
/// </summary>
public sealed partial class RawServer : IAsyncDisposable
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Func<string, string> _answer;
    private readonly Func<Stream, CancellationToken, Task> _script;
    private readonly Task _accepting;

    private RawServer(Func<string, string> answer, Func<Stream, CancellationToken, Task> script)
    {
        _answer = answer;
        _script = script;
        _listener.Start();
        Url = new Uri($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/ws");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <param name="script">What the server does on the stream after answering the handshake; it is cancelled on disposal.</param>
    /// <param name="answer">The whole HTTP response to the handshake, from the client's <c>Sec-WebSocket-Key</c>; a correct 101 if null.</param>
    public static RawServer Start(Func<Stream, CancellationToken, Task> script, Func<string, string>? answer = null) =>
        new(answer ?? SwitchingProtocols, script);

    /// <summary>The correct answer to a handshake: 101 with the accept value the key calls for.</summary>
    public static string SwitchingProtocols(string key) =>
        $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {AcceptFor(key)}\r\n\r\n";

    public static string AcceptFor(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));

    /// <summary>A script that reads and drops whatever the client sends (a close frame included) and never writes.</summary>
    public static async Task ReadsButNeverAnswers(Stream stream, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        while (await stream.ReadAsync(buffer, stop) > 0)
        {
        }
    }

    /// <summary>A script that ends the TCP connection at once, without a close frame.</summary>
    public static Task Drops(Stream stream, CancellationToken stop)
    {
        stream.Close();
        return Task.CompletedTask;
    }

    /// <summary>A script that never reads again: once the socket buffers are full, the client's sends block.</summary>
    public static Task NeverReads(Stream stream, CancellationToken stop) => new TaskCompletionSource().Task.WaitAsync(stop);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients)
        {
            _clients.ForEach(client => client.Dispose());
        }

        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The server is going away; how its last read ended does not matter.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients)
                {
                    _clients.Add(client);
                }

                connections.Add(ServeAsync(client));
            }
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.ContinueWith(static _ => { }, TaskScheduler.Default)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var key = KeyHeader().Match(await ReadHeadAsync(stream)).Groups[1].Value.Trim();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(_answer(key)), _stop.Token);
        await _script(stream, _stop.Token);
    }

    private async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        // Byte by byte, so nothing after the request head is taken from the script.
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, _stop.Token) == 1)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    [GeneratedRegex(@"^Sec-WebSocket-Key:(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex KeyHeader();
}
