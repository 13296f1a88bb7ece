namespace SampleAppHost;

/// <summary>
/// The AppHost: the sample service as the resource "sample". A class of its own rather than top-level
/// statements, so its Program does not meet the service's in a suite that references both.
/// </summary>
internal static class AppHost
{
    public static void Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(args);

        // The service has no launchSettings.json, so the AppHost gives it its endpoint.
        var sample = builder.AddProject<Projects.SampleService>("sample")
            .WithHttpEndpoint(name: "http");

        // For the proof that a suite says why a resource did not start: --FailAtStart "<the reason>".
        if (builder.Configuration["FailAtStart"] is { Length: > 0 } reason)
        {
            sample.WithEnvironment("Sample__FailAtStart", reason);
        }

        // For the proof that a suite gives up on a resource that never runs: --Idle true adds one never started.
        if (builder.Configuration["Idle"] == "true")
        {
            builder.AddProject<Projects.SampleService>("idle").WithHttpEndpoint(name: "http").WithExplicitStart();
        }

        builder.Build().Run();
    }
}
