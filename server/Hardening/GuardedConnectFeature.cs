using Microsoft.AspNetCore.Http.Features;

namespace BddWs.Server.Hardening;

/// <summary>An HTTP/2 WebSocket (extended CONNECT, RFC 8441) whose stream is a <see cref="GuardedStream"/>.</summary>
public sealed class GuardedConnectFeature(IHttpExtendedConnectFeature inner, TimeSpan closeTimeout) : IHttpExtendedConnectFeature
{
    /// <inheritdoc/>
    public bool IsExtendedConnect => inner.IsExtendedConnect;

    /// <inheritdoc/>
    public string? Protocol => inner.Protocol;

    /// <inheritdoc/>
    public async ValueTask<Stream> AcceptAsync() => new GuardedStream(await inner.AcceptAsync(), closeTimeout);
}
