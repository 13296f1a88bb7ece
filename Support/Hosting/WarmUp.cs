using BddWs.Driver;

namespace BddWs.Hosting;

/// <summary>
/// One WebSocket opened and closed through the driver, the way a scenario does it, while the run is
/// still starting: the first scenario then does not pay for loading and compiling the client and the
/// service's request path. Nothing is sent, so the service sees only a connection come and go.
/// </summary>
internal static class WarmUp
{
    public static async Task RunAsync(Uri webSocketUrl)
    {
        try
        {
            await using var session = new WebSocketSession("warm-up", webSocketUrl, new ConnectionOptions());
            await session.ConnectAsync();
            await session.CloseAsync();
        }
        catch (Exception ex) when (ex is ConnectionFailedException or InvalidOperationException or DeadlineExceededException
                                       or System.Net.WebSockets.WebSocketException)
        {
            // Only for speed: a path that takes no WebSocket still warmed the client; scenarios meet real faults themselves.
        }
    }
}
