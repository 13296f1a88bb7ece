using System.Reflection;

namespace BddWs.Hosting;

/// <summary>
/// What a suite hosts in its run, named once on its assembly: its own service in-process
/// (<see cref="HostServiceAttribute"/>) or another kind that a package adds (an Aspire AppHost). The run
/// starts it early, names it the server under test, shows its log with a failed scenario and stops it
/// after the last scenario, the same way whatever the kind. <c>BDDWS_SERVER_URL</c>, when set, always wins.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public abstract class HostingAttribute : Attribute
{
    /// <summary>
    /// The path that "the server" means in features (what <c>connected to the echo server</c> opens), such
    /// as <c>/ws</c>; other paths in features resolve against the service's host. Default <c>/</c>.
    /// </summary>
    public string Path { get; init; } = "/";

    /// <summary>What failures call it, after "The": <c>service OrderService</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Starts it for the run of <paramref name="testAssembly"/>; a failure is best a <see cref="HostingFailedException"/>.</summary>
    public abstract Task<HostedServer> StartAsync(Assembly testAssembly);

    /// <summary>The address handed to the driver: <paramref name="baseAddress"/> as ws:// (wss:// for https), with <see cref="Path"/>.</summary>
    public Uri WebSocketUrl(Uri baseAddress) =>
        new(new UriBuilder(baseAddress) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws" }.Uri, Path);
}
