using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace BddWs.Server.Hardening;

/// <summary>
/// WebSockets with the server's limits (<see cref="LimitsOptions"/>): every client frame checked,
/// handshakes admitted by origin and by count, keep-alive pings, a bounded handshake, and close
/// frames to every connection when the server stops.
/// </summary>
public static class GuardedWebSockets
{
    /// <summary>Reads <see cref="LimitsOptions"/> (a bad value stops the server at start-up) and applies them to Kestrel and the WebSocket middleware.</summary>
    public static IServiceCollection AddGuardedWebSockets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>()
            .Bind(configuration.GetSection(LimitsOptions.Section))
            .Validate(limits => limits.MaxMessageBytes > 0, "Limits:MaxMessageBytes must be at least 1.")
            .Validate(limits => limits.MaxConnections > 0, "Limits:MaxConnections must be at least 1.")
            .Validate(limits => limits.KeepAliveInterval > TimeSpan.Zero, "Limits:KeepAliveInterval must be longer than 0.")
            .Validate(limits => limits.KeepAliveTimeout > TimeSpan.Zero, "Limits:KeepAliveTimeout must be longer than 0.")
            .Validate(limits => limits.HandshakeTimeout > TimeSpan.Zero, "Limits:HandshakeTimeout must be longer than 0.")
            .Validate(limits => limits.CloseTimeout > TimeSpan.Zero, "Limits:CloseTimeout must be longer than 0.")
            .Validate(
                limits => limits.AllowedOrigins.All(origin => OriginPolicy.TryNormalize(origin, out _)),
                "Limits:AllowedOrigins must list origins such as https://app.example.com (scheme, host and optional port, nothing else).")
            .ValidateOnStart();
        services.AddOptions<WebSocketOptions>().Configure<IOptions<LimitsOptions>>((webSockets, limits) =>
        {
            webSockets.KeepAliveInterval = limits.Value.KeepAliveInterval;
            webSockets.KeepAliveTimeout = limits.Value.KeepAliveTimeout;
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.RequestHeadersTimeout = limits.Value.HandshakeTimeout);
        services.AddSingleton<OriginPolicy>();
        services.AddSingleton<OpenWebSockets>();
        return services;
    }

    /// <summary>Puts WebSockets, guarded and admitted, into the pipeline; in place of <c>UseWebSockets()</c>.</summary>
    public static WebApplication UseGuardedWebSockets(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<LimitsOptions>>();

        // Before the WebSocket middleware, which takes the upgrade from the request's features.
        app.Use((context, next) =>
        {
            var closeTimeout = limits.Value.CloseTimeout;
            if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
            {
                context.Features.Set<IHttpUpgradeFeature>(new GuardedUpgradeFeature(upgrade, closeTimeout));
            }

            if (context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } connect)
            {
                context.Features.Set<IHttpExtendedConnectFeature>(new GuardedConnectFeature(connect, closeTimeout));
            }

            return next(context);
        });
        app.UseWebSockets();
        app.UseMiddleware<WebSocketAdmission>();

        var connections = app.Services.GetRequiredService<OpenWebSockets>();
        app.Lifetime.ApplicationStopping.Register(() => _ = connections.CloseAllAsync());
        return app;
    }
}
