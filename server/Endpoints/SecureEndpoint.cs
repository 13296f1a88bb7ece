using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BddWs.Server.Endpoints;

/// <summary>
/// <c>/secure</c>: the echo contract of <c>/ws</c> behind a bearer token (<see cref="SecureOptions.Token"/>).
/// Without the right token the handshake is refused with 401 and <c>WWW-Authenticate: Bearer</c>,
/// before any upgrade.
/// </summary>
public static class SecureEndpoint
{
    /// <summary>Where the guarded echo is served.</summary>
    public const string Path = "/secure";

    /// <summary>Reads <see cref="SecureOptions"/>; an empty token stops the server at start-up.</summary>
    public static IServiceCollection AddSecure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecureOptions>()
            .Bind(configuration.GetSection(SecureOptions.Section))
            .Validate(secure => !string.IsNullOrEmpty(secure.Token), "Secure:Token must not be empty: an empty token would let anyone in.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Serves the guarded echo at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapSecure(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, IOptions<SecureOptions> options, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(SecureEndpoint));
        if (!BearerToken.IsPresented(context.Request, options.Value.Token))
        {
            log.LogInformation("Refused a request without the right bearer token");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return;
        }

        await EchoEndpoint.ServeAsync(context, log);
    }
}
