using Microsoft.AspNetCore.Hosting;

namespace BddWs.Hosting;

/// <summary>
/// How a suite adjusts its hosted service: a class of the suite implementing this interface (with a
/// parameterless constructor) is found and used, no registration needed. Call
/// <c>UseEnvironment</c>, <c>UseSetting</c> and <c>ConfigureTestServices</c> on the builder <see cref="Configure"/> is given:
/// <code>
/// public sealed class ServiceSetup : IServiceSetup
/// {
///     public void Configure(IWebHostBuilder host)
///     {
///         host.UseEnvironment("Testing");
///         host.UseSetting("Orders:Currency", "EUR");
///         host.ConfigureTestServices(services => services.AddSingleton&lt;IClock, FixedClock&gt;());
///     }
/// }
/// </code>
/// </summary>
public interface IServiceSetup
{
    void Configure(IWebHostBuilder host);
}
