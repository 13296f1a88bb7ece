namespace SampleService;

/// <summary><c>GET /about</c>: the environment's name and a greeting, as JSON.</summary>
public static class AboutEndpoint
{
    public static void MapAbout(this WebApplication app) =>
        app.MapGet("/about", (IHostEnvironment environment, IGreeting greeting) =>
            Results.Json(new { environment = environment.EnvironmentName, greeting = greeting.Greet("visitor") }));
}
