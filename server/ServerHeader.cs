namespace BddWs.Server;

/// <summary>
/// Stamps every response, the WebSocket handshake's 101 included, with <c>X-Server: BddWs</c>,
/// so suites have a handshake response header to assert on.
/// </summary>
public static class ServerHeader
{
    /// <summary>The header's name.</summary>
    public const string Name = "X-Server";

    /// <summary>The header's value.</summary>
    public const string Value = "BddWs";

    /// <summary>Adds the header to every response of <paramref name="app"/>.</summary>
    public static IApplicationBuilder UseServerHeader(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the headers go out rather than now: error handling clears headers set earlier.
        context.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).Headers[Name] = Value;
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
