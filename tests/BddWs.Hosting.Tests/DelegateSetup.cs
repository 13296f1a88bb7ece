using Microsoft.AspNetCore.Hosting;

namespace BddWs.Hosting.Tests;

/// <summary>A setup made in a test. It has no constructor without parameters, so a run could not make it (see its test).</summary>
internal sealed class DelegateSetup(Action<IWebHostBuilder> configure) : IServiceSetup
{
    public void Configure(IWebHostBuilder host) => configure(host);
}
