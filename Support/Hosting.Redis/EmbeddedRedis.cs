using Garnet;
using Microsoft.Extensions.Logging.Abstractions;

namespace BddWs.Hosting.Redis;

/// <summary>
/// A Redis-protocol server inside the test process (Microsoft's Garnet) on a free port of 127.0.0.1,
/// for instances of a service scaled out on it: nothing to install. Its pub/sub serves
/// StackExchange.Redis and SignalR's Redis backplane. <see cref="Stop"/> takes it away mid-test.
/// </summary>
public sealed class EmbeddedRedis : IDisposable
{
    private readonly GarnetServer _server;
    private bool _stopped;

    private EmbeddedRedis(GarnetServer server, int port) => (_server, Port) = (server, port);

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Its address as the server's <c>ScaleOut:Redis</c> setting takes it.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Starts one: in memory only, no files, no log lines.</summary>
    public static EmbeddedRedis Start()
    {
        // Garnet takes no port 0; a port the OS has just handed out and taken back is free as good as always.
        var port = LoopbackPort.Free();
        var server = new GarnetServer(["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], NullLoggerFactory.Instance);
        server.Start();
        return new EmbeddedRedis(server, port);
    }

    /// <summary>Takes it away: every connection to it closes, and nothing answers on its port.</summary>
    public void Stop()
    {
        if (!_stopped)
        {
            _stopped = true;
            _server.Dispose();
        }
    }

    /// <summary>The same as <see cref="Stop"/>.</summary>
    public void Dispose() => Stop();
}
