using System.Net.Security;

namespace BddWs.Driver;

/// <summary>
/// The HTTP handler a connection's handshake goes through: it puts a <see cref="WireTap"/> on the
/// connection's plaintext stream (after TLS), which the upgraded WebSocket then reads and writes,
/// and it trusts the certificate the settings name.
/// </summary>
public static class WireConnector
{
    public static HttpMessageInvoker Create(ConnectionOptions options, Action<WireTap> tapped)
    {
        var handler = new SocketsHttpHandler
        {
            // One connection per session, never pooled nor reused by another.
            PooledConnectionLifetime = TimeSpan.Zero,
            UseCookies = false,
            AllowAutoRedirect = false,
            PlaintextStreamFilter = (context, _) =>
            {
                var tap = new WireTap(context.PlaintextStream, options.MaxMessageBytes);
                tapped(tap);
                return ValueTask.FromResult<Stream>(tap);
            },
        };
        if (options.TrustedCertificate is { } trusted)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString());
        }

        return new HttpMessageInvoker(handler, disposeHandler: true);
    }
}
