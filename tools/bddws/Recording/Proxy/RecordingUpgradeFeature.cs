using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BddWs.Cli.Recording.Proxy;

/// <summary>
/// The client's upgrade, as the forwarder asks for it once the service agreed: the upgraded connection it
/// gets back is tapped, so that the WebSocket's messages are recorded while they are forwarded.
/// </summary>
internal sealed class RecordingUpgradeFeature(IHttpUpgradeFeature inner, HttpContext context, SessionRecorder recorder, Action<string> upgraded) : IHttpUpgradeFeature
{
    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync()
    {
        // The forwarder has copied the service's 101 headers onto the response by now.
        var headers = context.Response.Headers;
        var stream = await inner.UpgradeAsync();
        var connection = recorder.NextConnection();
        upgraded(connection);
        return WebSocketTap.Tap(stream, recorder, connection, headers.SecWebSocketExtensions.ToString());
    }
}
