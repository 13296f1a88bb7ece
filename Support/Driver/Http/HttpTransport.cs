using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace BddWs.Driver.Http;

/// <summary>
/// The one <see cref="HttpClient"/> of a test run, shared by every scenario (one per scenario would
/// leave sockets behind). It follows no redirect, so a scenario sees the 302 and its
/// <c>Location</c>; it keeps no cookies, since one jar would be shared by parallel scenarios (a
/// scenario remembers <c>Set-Cookie</c> and sends it as a header instead); it trusts the
/// certificate <c>BDDWS_TRUST_CERT</c> names, as WebSocket connections do. Its own timeout is
/// off: each request is given the step timeout by <see cref="ScenarioHttp"/>, which then names the
/// request that took too long.
/// </summary>
public sealed class HttpTransport : IDisposable
{
    public HttpTransport(SuiteSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        if (settings.TrustedCertificatePath is { } path)
        {
            var trusted = X509CertificateLoader.LoadCertificateFromFile(path);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString());
        }

        Client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
