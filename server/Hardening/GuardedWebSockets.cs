namespace BddWs.Server.Hardening;

/// <summary>
/// WebSockets with the server's limits (<see cref="LimitsOptions"/>): handshakes admitted by origin
/// and by count.
/// </summary>
public static class GuardedWebSockets
{
    /// <summary>Reads <see cref="LimitsOptions"/>; a bad value stops the server at start-up.</summary>
    public static IServiceCollection AddGuardedWebSockets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>()
            .Bind(configuration.GetSection(LimitsOptions.Section))
            .Validate(limits => limits.MaxConnections > 0, "Limits:MaxConnections must be at least 1.")
            .Validate(
                limits => limits.AllowedOrigins.All(origin => OriginPolicy.TryNormalize(origin, out _)),
                "Limits:AllowedOrigins must list origins such as https://app.example.com (scheme, host and optional port, nothing else).")
            .ValidateOnStart();
        services.AddSingleton<OriginPolicy>();
        services.AddSingleton<WebSocketConnections>();
        return services;
    }

    /// <summary>Puts WebSockets, admitted, into the pipeline; in place of <c>UseWebSockets()</c>.</summary>
    public static WebApplication UseGuardedWebSockets(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseMiddleware<WebSocketAdmission>();
        return app;
    }
}
