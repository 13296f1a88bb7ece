using BddWs.Testing;
using Xunit;

namespace BddWs.Server.Tests.Helpers;

/// <summary>
/// The bundled server with every timeout at 1 second (keep-alive interval and timeout, close,
/// handshake), so attacks that only a timeout can end are over quickly. A class fixture.
/// </summary>
public sealed class ImpatientServer : IAsyncLifetime
{
    public static readonly string[] Settings =
    [
        "--Limits:KeepAliveInterval=00:00:01",
        "--Limits:KeepAliveTimeout=00:00:01",
        "--Limits:CloseTimeout=00:00:01",
        "--Limits:HandshakeTimeout=00:00:01",
    ];

    private BundledServer? _server;

    public BundledServer Server => _server ?? throw new InvalidOperationException("The server has not been started.");

    public async ValueTask InitializeAsync() => _server = await BundledServer.StartAsync(Settings);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
