using BddWs.Testing;
using System.Text;
using FluentAssertions;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>
/// Malformed handshakes over raw TCP: each gets its HTTP refusal (or, sent half-way, Kestrel's
/// request headers timeout), never an upgrade; and the server is unharmed after each.
/// </summary>
public sealed class HandshakeAttackTests(ImpatientServer impatient) : IClassFixture<ImpatientServer>
{
    private BundledServer Server => impatient.Server;

    [Theory]
    [InlineData("garbage", 400)]
    [InlineData("headers too large", 431)]
    [InlineData("request line too long", 414)]
    public async Task A_request_Kestrel_cannot_take_is_refused_and_the_connection_closed(string attack, int status)
    {
        await using (var raw = await RawClient.ConnectAsync(Server))
        {
            await raw.SendAsync(attack switch
            {
                "garbage" => Encoding.Latin1.GetString([0x00, 0x16, 0x03, 0x01, 0xFF, .. "garbage\r\n\r\n"u8]),
                "headers too large" => raw.HandshakeLines() + $"X-Padding: {new string('a', 64 * 1024)}\r\n\r\n",
                _ => $"GET /ws?{new string('a', 16 * 1024)} HTTP/1.1\r\n",
            });

            (await raw.ReadHeadAsync()).Status.Should().Be(status);
            (await raw.EndsWithinAsync(Aftermath.Settling)).Should().BeTrue();
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }

    [Theory]
    [InlineData("GET /ws HT")]
    [InlineData("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n")]
    public async Task A_handshake_sent_half_way_is_given_up_after_the_handshake_timeout(string partial)
    {
        await using (var raw = await RawClient.ConnectAsync(Server))
        {
            await raw.SendAsync(partial);

            (await raw.ReadHeadAsync(Aftermath.Settling)).Status.Should().Be(408);
            (await raw.EndsWithinAsync(Aftermath.Settling)).Should().BeTrue();
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }

    [Theory]
    [InlineData("missing Sec-WebSocket-Key")]
    [InlineData("Sec-WebSocket-Key not 16 bytes")]
    [InlineData("POST instead of GET")]
    [InlineData("no Upgrade header")]
    public async Task A_handshake_missing_what_it_needs_gets_400(string attack)
    {
        await using (var raw = await RawClient.ConnectAsync(Server))
        {
            await raw.SendAsync(attack switch
            {
                "missing Sec-WebSocket-Key" => $"GET /ws HTTP/1.1\r\nHost: {raw.Host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n",
                "Sec-WebSocket-Key not 16 bytes" => raw.HandshakeLines(key: "c2hvcnQ=") + "\r\n",
                "POST instead of GET" => raw.HandshakeLines().Replace("GET", "POST", StringComparison.Ordinal) + "Content-Length: 0\r\n\r\n",
                _ => raw.HandshakeLines().Replace("Upgrade: websocket\r\n", "", StringComparison.Ordinal) + "\r\n",
            });

            (await raw.ReadHeadAsync()).Status.Should().Be(400);
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }

    [Fact]
    public async Task A_handshake_for_another_version_gets_426_naming_version_13()
    {
        await using (var raw = await RawClient.ConnectAsync(Server))
        {
            await raw.SendAsync(raw.HandshakeLines(version: "8") + "\r\n");

            var response = await raw.ReadHeadAsync();
            response.Status.Should().Be(426);
            response.Headers.Should().Contain("Sec-WebSocket-Version", "13");
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }
}
