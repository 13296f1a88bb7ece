namespace BddWs.Hosting;

/// <summary>The run's hosted service, whatever started it: where it listens and what it logged.</summary>
public abstract class HostedServer(Uri baseAddress, HostingAttribute hosting, CapturedLog log) : IAsyncDisposable
{
    /// <summary>Where it listens, such as <c>http://127.0.0.1:41377/</c>.</summary>
    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>The address handed to the driver: the base address as ws://, with the suite's path (see <see cref="HostingAttribute.Path"/>).</summary>
    public Uri WebSocketUrl { get; } = hosting.WebSocketUrl(baseAddress);

    /// <summary>The lines the service logged, as far as they reach the run.</summary>
    public CapturedLog Log { get; } = log;

    public abstract ValueTask DisposeAsync();
}
