using BddWs.Testing;
using System.Net;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>
/// Given a certificate through Kestrel's standard settings the server speaks wss://. The certificate
/// is self-signed by the test, which trusts exactly that certificate and nothing else.
/// </summary>
public sealed class TlsEndpointTests : IAsyncLifetime
{
    private const string Password = "not-a-secret";
    private readonly X509Certificate2 _certificate = SelfSigned();
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"bddws-{Guid.NewGuid():N}.pfx");
    private BundledServer? _server;

    private BundledServer Server => _server!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllBytesAsync(_pfx, _certificate.Export(X509ContentType.Pfx, Password), TestContext.Current.CancellationToken);
        _server = await BundledServer.StartAsync(
            "--urls", "https://127.0.0.1:0",
            $"--Kestrel:Certificates:Default:Path={_pfx}",
            $"--Kestrel:Certificates:Default:Password={Password}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        File.Delete(_pfx);
        _certificate.Dispose();
    }

    [Fact]
    public async Task The_echo_contract_works_over_wss()
    {
        var url = Server.WebSocket("/ws");
        await using var client = await TestClient.ConnectAsync(url, options => options.RemoteCertificateValidationCallback = TrustOnlyOurs);

        await client.SendTextAsync("Hello over TLS");

        url.Scheme.Should().Be("wss");
        (await client.ReceiveTextAsync()).Should().Be("Message text was: Hello over TLS");
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_cannot_connect()
    {
        using var socket = TestClient.NewSocket();

        await FluentActions.Awaiting(() => socket.ConnectAsync(Server.WebSocket("/ws"), TestContext.Current.CancellationToken))
            .Should().ThrowAsync<WebSocketException>();
    }

    [Fact]
    public async Task An_HTTP_2_WebSocket_is_served_and_counted_too()
    {
        using var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = TrustOnlyOurs } };
        using var invoker = new HttpMessageInvoker(handler);
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = TrustOnlyOurs } });
        using var socket = TestClient.NewSocket(options =>
        {
            options.HttpVersion = HttpVersion.Version20;
            options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        });

        await socket.ConnectAsync(Server.WebSocket("/ws"), invoker, TestContext.Current.CancellationToken);
        await using var client = TestClient.Wrap(socket);
        await client.SendTextAsync("Hello over HTTP/2");

        (await client.ReceiveTextAsync()).Should().Be("Message text was: Hello over HTTP/2");
        (await Server.OpenConnectionsAsync(http)).Should().Be(1);
    }

    private bool TrustOnlyOurs(object sender, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors) =>
        presented is not null && presented.GetCertHashString() == _certificate.GetCertHashString();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
