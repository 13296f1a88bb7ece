using System.Reflection;

namespace BddWs.Hosting;

/// <summary>
/// The one line a suite writes to test its own ASP.NET Core service: hosted inside the test run on a
/// free loopback port, started as the run starts, stopped after it, and named the server under test.
/// <c>BDDWS_SERVER_URL</c>, when set, always wins: then nothing is started.
/// <code>[assembly: BddWs.Hosting.HostService(typeof(Program))]</code>
/// </summary>
/// <param name="entryPoint">
/// Any public class of the service's assembly, usually its <c>Program</c> (public in .NET 10 web projects).
/// </param>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class HostServiceAttribute(Type entryPoint) : HostingAttribute
{
    public Type EntryPoint { get; } = entryPoint;

    /// <summary>
    /// The hosted service's environment name (<c>Testing</c>, <c>Staging</c> …); unset, it is
    /// <c>Development</c>, as with any <c>WebApplicationFactory</c>. An <see cref="IServiceSetup"/> may set it too.
    /// </summary>
    public string? Environment { get; init; }

    public override string Name => $"service {EntryPoint.Assembly.GetName().Name}";

    /// <summary>Hosts the service with the suite's <see cref="IServiceSetup"/> classes.</summary>
    public override async Task<HostedServer> StartAsync(Assembly testAssembly) => await HostedService.StartAsync(this, ServiceSetups.In(testAssembly));
}
