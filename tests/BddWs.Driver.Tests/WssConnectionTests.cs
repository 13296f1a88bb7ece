using System.Security.Cryptography.X509Certificates;
using BddWs.Driver;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

using BddWs.Driver.Tests.Helpers;

namespace BddWs.Driver.Tests;

/// <summary>wss:// with a certificate the test creates: trusted when told to, refused with a clear reason when not.</summary>
public sealed class WssConnectionTests
{
    [Fact]
    public async Task A_wss_server_is_reached_when_its_certificate_is_trusted()
    {
        using var certificate = TestCertificate.Create();
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Replies(text => [$"secure {text}"]), certificate: certificate);
        using var trusted = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { TrustedCertificate = trusted, ConnectTimeout = Patience.MustHappen });

        await session.ConnectAsync();
        await session.SendAsync(WebSocketMessage.FromText("hi"));

        (await session.WaitForAsync(Expect.AnyMessage(MessageCheck.EqualTo("secure hi")), Patience.MustHappen)).Verdict.Should().Be(Verdict.Met);
        server.Url.Scheme.Should().Be("wss");
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_the_connection_saying_so()
    {
        using var certificate = TestCertificate.Create();
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Replies(_ => []), certificate: certificate);
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { ConnectTimeout = Patience.MustHappen });

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().StartWith($"Could not connect to {server.Url}: the TLS handshake failed (");
        failure.Which.Attempt.Outcome.Should().Be(ConnectionOutcome.TlsFailure);
    }

    [Fact]
    public async Task Wss_to_a_plain_server_is_a_tls_failure()
    {
        await using var server = await ScriptedServer.RepliesAsync(_ => []);
        var wss = new UriBuilder(server.Url) { Scheme = "wss" }.Uri;
        await using var session = new WebSocketSession("", wss, new ConnectionOptions { ConnectTimeout = Patience.MustHappen });

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Attempt.Outcome.Should().Be(ConnectionOutcome.TlsFailure, failure.Which.Message);
    }
}
