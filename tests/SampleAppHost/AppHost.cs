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
        builder.AddProject<Projects.SampleService>("sample")
            .WithHttpEndpoint(name: "http");

        builder.Build().Run();
    }
}
