using BddWs.Hosting;
using Microsoft.AspNetCore.Hosting;

// This suite tests the server it ships, hosted the way a team hosts its own service; "the echo server" is its /ws.
[assembly: HostService(typeof(Program), Path = "/ws")]

namespace BddWs.Features;

/// <summary>The bundled server logs only warnings and errors during a run: its information lines would drown the results.</summary>
public sealed class BundledServerHosting : IServiceSetup
{
    public void Configure(IWebHostBuilder host) => host.UseSetting("Logging:LogLevel:Default", "Warning");
}
