namespace BddWs.Server.Endpoints;

/// <summary>
/// <c>/stall</c> never answers: a server that accepts the connection and then says nothing, so
/// suites can show how a handshake timeout reads. It lets go when the client does.
/// </summary>
public static class StallEndpoint
{
    public const string Path = "/stall";

    public static IEndpointRouteBuilder MapStall(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, async (HttpContext context) =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as intended.
            }
        });
        return endpoints;
    }
}
