using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Features;

namespace BddWs.Server.Hardening;

/// <summary>The WebSocket handshake of an admitted connection: tells its slot about the accepted socket.</summary>
public sealed class TrackedWebSocketFeature(IHttpWebSocketFeature inner, ConnectionSlot slot) : IHttpWebSocketFeature
{
    /// <inheritdoc/>
    public bool IsWebSocketRequest => inner.IsWebSocketRequest;

    /// <inheritdoc/>
    public async Task<WebSocket> AcceptAsync(WebSocketAcceptContext context)
    {
        var socket = await inner.AcceptAsync(context);
        slot.Accepted(socket);
        return socket;
    }
}
