using Microsoft.AspNetCore.Http.Features;

namespace BddWs.Server.Hardening;

/// <summary>An HTTP/1.1 upgrade whose stream is a <see cref="GuardedStream"/>.</summary>
public sealed class GuardedUpgradeFeature(IHttpUpgradeFeature inner, TimeSpan closeTimeout) : IHttpUpgradeFeature
{
    /// <inheritdoc/>
    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    /// <inheritdoc/>
    public async Task<Stream> UpgradeAsync() => new GuardedStream(await inner.UpgradeAsync(), closeTimeout);
}
