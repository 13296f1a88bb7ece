using System.Security.Cryptography.X509Certificates;
using BddWs.Driver.Http;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests;

/// <summary>HTTPS requests trust the certificate BDDWS_TRUST_CERT names, as wss:// connections do, and say so when they cannot.</summary>
public sealed class HttpsRequestTests : IDisposable
{
    private readonly string _certificateFile = Path.Combine(Path.GetTempPath(), $"bddws-{Guid.NewGuid():N}.cer");

    [Fact]
    public async Task A_path_on_a_wss_server_goes_over_https_and_trusts_the_named_certificate()
    {
        using var certificate = TestCertificate.Create();
        File.WriteAllBytes(_certificateFile, certificate.Export(X509ContentType.Cert));
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Replies(_ => []), certificate: certificate);
        var (http, transport) = await HttpTo(server.Url, _certificateFile);
        using var _ = transport;

        var exchange = await http.SendAsync(HttpMethod.Get, "/plain");

        exchange.Url.Scheme.Should().Be("https");
        exchange.Reply!.Status.Should().Be(200);
        exchange.Reply.Body.Should().Be("an HTTP endpoint that never upgrades");
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_the_request_saying_so()
    {
        using var certificate = TestCertificate.Create();
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Replies(_ => []), certificate: certificate);
        var (http, transport) = await HttpTo(server.Url, trustedCertificate: null);
        using var _ = transport;

        var failure = await FluentActions.Awaiting(() => http.SendAsync(HttpMethod.Get, "/plain")).Should().ThrowAsync<HttpRequestFailedException>();

        failure.Which.Message.Should().Be(
            $"GET https://127.0.0.1:{server.Url.Port}/plain failed: the TLS handshake failed (a certificate not trusted, expired or for another host, or no TLS at that address).");
        http.Last!.Failure.Should().StartWith("the TLS handshake failed");
    }

    private static async Task<(ScenarioHttp Http, HttpTransport Transport)> HttpTo(Uri webSocketUrl, string? trustedCertificate)
    {
        var settings = new SuiteSettings(webSocketUrl, Patience.MustHappen, Patience.MustHappen, trustedCertificate);
        var server = new ServerUnderTest(settings);
        await server.StartAsync();
        var transport = new HttpTransport(settings);
        return (new ScenarioHttp(transport, server, settings), transport);
    }

    public void Dispose() => File.Delete(_certificateFile);
}
