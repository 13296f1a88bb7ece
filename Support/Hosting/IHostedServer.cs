namespace BddWs.Hosting;

/// <summary>The run's hosted service, whatever started it: where it listens and what it logged.</summary>
public interface IHostedServer : IAsyncDisposable
{
    /// <summary>Where it listens, such as <c>http://127.0.0.1:41377/</c>.</summary>
    Uri BaseAddress { get; }

    /// <summary>The address handed to the driver: the base address as ws://, with the suite's path (see <see cref="HostingAttribute.Path"/>).</summary>
    Uri WebSocketUrl { get; }

    /// <summary>The lines the service logged, as far as they reach the run.</summary>
    CapturedLog Log { get; }
}
