using Microsoft.Extensions.Hosting;

namespace BddWs.Hosting.Tests;

/// <summary>A part of a service that cannot start, as when its database is down.</summary>
internal sealed class UnreachableDatabase : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The orders database cannot be reached.\nCheck the connection string.");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
