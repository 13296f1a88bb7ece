using System.Net;
using System.Net.Sockets;

namespace BddWs.Hosting.Redis;

/// <summary>Ports of 127.0.0.1 for servers that take no port 0 (Garnet), or for an address where nothing listens.</summary>
public static class LoopbackPort
{
    /// <summary>A port the system has just handed out and taken back: free, as good as always.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
