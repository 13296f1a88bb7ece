using System.Reflection;
using BddWs.Hosting;

namespace BddWs.Hosting.Aspire;

/// <summary>
/// The one line a suite writes to test a resource of its Aspire AppHost: the AppHost started once per
/// run (Aspire.Hosting.Testing), the resource waited for, its endpoint named the server under test,
/// everything stopped after the run. <c>BDDWS_SERVER_URL</c>, when set, always wins: then nothing is started.
/// <code>[assembly: BddWs.Hosting.Aspire.HostAppHost(typeof(Projects.AppHost), Resource = "api", Path = "/ws")]</code>
/// </summary>
/// <param name="appHost">The AppHost, as the class Aspire makes for a project reference to it: <c>Projects.AppHost</c>.</param>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class HostAppHostAttribute(Type appHost) : HostingAttribute
{
    public Type AppHost { get; } = appHost;

    /// <summary>The resource under test, by its name in the AppHost (<c>AddProject&lt;…&gt;("api")</c>).</summary>
    public string Resource { get; init; } = "";

    /// <summary>The resource's endpoint to test, by name; unset, its first one (usually <c>http</c>).</summary>
    public string? Endpoint { get; init; }

    /// <summary>How long the AppHost and the resource may take to be running (and healthy, where it has health checks).</summary>
    public int TimeoutSeconds { get; init; } = 120;

    public override string Name => $"resource {Resource} of the AppHost {AppHostName}";

    /// <summary>The AppHost's project name, as Aspire's class for it is named (dots and dashes as underscores).</summary>
    internal string AppHostName => AppHost.Name;

    public override async Task<HostedServer> StartAsync(Assembly testAssembly) => await AppHostRun.StartAsync(this);
}
