using System.Text;
using BddWs.Driver;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

using BddWs.Driver.Tests.Helpers;

namespace BddWs.Driver.Tests;

/// <summary>A server that breaks the handshake itself is told apart from refusals, HTTP statuses, timeouts and TLS.</summary>
public sealed class HandshakeErrorTests
{
    [Theory]
    [InlineData("a wrong accept key")]
    [InlineData("an answer that is not HTTP")]
    [InlineData("101 without Upgrade")]
    [InlineData("a drop in the middle of the answer")]
    public async Task A_broken_handshake_is_a_handshake_error(string how)
    {
        await using var server = RawServer.Start(how.Contains("drop") ? RawServer.Drops : RawServer.ReadsButNeverAnswers, Broken(how));
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions());

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Attempt.Outcome.Should().Be(ConnectionOutcome.HandshakeError, failure.Which.Message);
        failure.Which.Message.Should().StartWith($"Could not connect to {server.Url}: ").And.NotContain("\n");
        session.Log.Snapshot().Should().ContainSingle().Which.Should().BeOfType<ErrorEvent>();
    }

    private static Func<string, string> Broken(string how) => how switch
    {
        "a wrong accept key" => _ => RawServer.SwitchingProtocols("not the client's key"),
        "an answer that is not HTTP" => _ => "\u0001\u0002 not HTTP at all\r\n\r\n",
        "101 without Upgrade" => key => RawServer.SwitchingProtocols(key).Replace("Upgrade: websocket\r\n", "", StringComparison.Ordinal),
        _ => key => RawServer.SwitchingProtocols(key)[..20],
    };
}
