using System.Text.RegularExpressions;
using BddWs.Driver;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

using BddWs.Driver.Tests.Helpers;

namespace BddWs.Driver.Tests;

/// <summary>
/// A server that breaks RFC 6455 is named for what it did, with the RFC's reason: never the
/// runtime's own words. What it sent before the bad frame, in the same packet, is still received.
/// </summary>
public sealed class ProtocolFaultTests
{
    private const string Protocol = "(RFC 6455 section 5.2; close code 1002 ProtocolError)";

    public static TheoryData<string, byte[], string> Faults => new()
    {
        { "reserved bit", RawPeer.Frame(0xC1, "hi"u8.ToArray()), $"The server broke the WebSocket protocol: it sent a frame with reserved bit RSV1 set, which no agreed extension allows {Protocol}" },
        { "reserved bits", RawPeer.Frame(0xB1, "hi"u8.ToArray()), $"The server broke the WebSocket protocol: it sent a frame with reserved bits RSV2, RSV3 set, which no agreed extension allows {Protocol}" },
        { "unknown opcode", RawPeer.Frame(0x83, "hi"u8.ToArray()), $"The server broke the WebSocket protocol: it sent a frame of unknown type (opcode 0x3) {Protocol}" },
        { "masked", RawPeer.Frame(0x81, "hi"u8.ToArray(), masked: true), "The server broke the WebSocket protocol: it sent a masked frame, and a server must never mask its frames (RFC 6455 section 5.1; close code 1002 ProtocolError)" },
        { "length top bit", [0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 0], $"The server broke the WebSocket protocol: it sent a frame length with the most significant bit set {Protocol}" },
        { "invalid UTF-8", RawPeer.Frame(0x81, [0x48, 0x69, 0xFF]), "The server sent a text message that is not valid UTF-8 (RFC 6455 section 8.1; close code 1007 InvalidPayloadData)" },
        { "UTF-8 cut at the end", RawPeer.Frame(0x81, [0x48, 0xE2, 0x82]), "The server sent a text message that is not valid UTF-8 (RFC 6455 section 8.1; close code 1007 InvalidPayloadData)" },
        { "close 1005", RawPeer.Frame(0x88, RawPeer.ClosePayload(1005, [])), "The server broke the WebSocket protocol: its close frame carries status 1005 (NoStatusReceived), which is never sent in a close frame (RFC 6455 section 7.4; close code 1002 ProtocolError)" },
        { "close 999", RawPeer.Frame(0x88, RawPeer.ClosePayload(999, [])), "The server broke the WebSocket protocol: its close frame carries status 999, which is never sent in a close frame (RFC 6455 section 7.4; close code 1002 ProtocolError)" },
        { "close reason not UTF-8", RawPeer.Frame(0x88, RawPeer.ClosePayload(1000, [0x62, 0xFF])), "The server closed with status 1000 (NormalClosure) and a reason that is not valid UTF-8 (RFC 6455 section 5.5.1; close code 1007 InvalidPayloadData)" },
        { "1-byte close", RawPeer.Frame(0x88, [0x03]), "The server broke the WebSocket protocol: its close frame has a 1-byte body, too short for a status (RFC 6455 section 5.5.1; close code 1002 ProtocolError)" },
        { "fragmented ping", RawPeer.Frame(0x09, [1]), "The server broke the WebSocket protocol: it split a ping frame into fragments, which control frames never are (RFC 6455 section 5.5; close code 1002 ProtocolError)" },
        { "long pong", RawPeer.Frame(0x8A, new byte[126]), "The server broke the WebSocket protocol: it sent a pong frame of 126 bytes, more than the 125 a control frame may carry (RFC 6455 section 5.5; close code 1002 ProtocolError)" },
        { "stray continuation", RawPeer.Frame(0x80, "hi"u8.ToArray()), "The server broke the WebSocket protocol: it sent a continuation frame without a message to continue (RFC 6455 section 5.4; close code 1002 ProtocolError)" },
        { "new message mid-message", [.. RawPeer.Frame(0x01, "a"u8.ToArray()), .. RawPeer.Frame(0x81, "b"u8.ToArray())], "The server broke the WebSocket protocol: it started a new message before finishing the previous one (RFC 6455 section 5.4; close code 1002 ProtocolError)" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_broken_frame_reads_as_what_the_server_did_wrong(string fault, byte[] frame, string reason)
    {
        var toldWhy = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawWebSocketServer.Start(async peer =>
        {
            await peer.SendAsync([.. RawPeer.Frame(0x81, "before"u8.ToArray()), .. frame]);
            toldWhy.TrySetResult(await peer.ReadUntilAsync(0x8));
        });
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions());
        await session.ConnectAsync();

        var seen = await session.Log.WaitUntilAsync(events => events.CloseEvent() is not null, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        seen.Events.ReceivedMessages().Select(m => m.Text).Should().Equal(["before"], fault);
        seen.Events.OfType<ErrorEvent>().Should().ContainSingle(fault).Which.Reason.Should().Be(reason);
        seen.Events.CloseEvent().Should().BeEquivalentTo(new { By = ClosedBy.Failure, Status = WebSocketSession.AbnormalClosure, Reason = reason }, fault);
        var closeCode = int.Parse(Regex.Match(reason, @"close code (\d{4})").Groups[1].Value);
        (await toldWhy.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Should().Equal(
            [(byte)(closeCode >> 8), (byte)closeCode], "the client tells the server why, as RFC 6455 section 7.1.7 asks");
    }

    [Fact]
    public async Task Frames_trickled_byte_by_byte_are_followed_all_the_same()
    {
        await using var server = RawWebSocketServer.Start(async peer =>
        {
            byte[] bytes = [.. RawPeer.Frame(0x01, "hel"u8.ToArray()), .. RawPeer.Frame(0x89, "p"u8.ToArray()), .. RawPeer.Frame(0x80, "lo"u8.ToArray()),
                .. RawPeer.Frame(0x88, RawPeer.ClosePayload(1005, []))];
            foreach (var b in bytes)
            {
                await peer.SendAsync([b]);
            }

            await peer.ReadUntilAsync(-1);
        });
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions());
        await session.ConnectAsync();

        var seen = await session.Log.WaitUntilAsync(events => events.CloseEvent() is not null, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        seen.Events.ReceivedMessages().Select(m => m.Text).Should().Equal("hello");
        seen.Events.CloseEvent()!.Reason.Should().StartWith("The server broke the WebSocket protocol: its close frame carries status 1005");
    }

    [Fact]
    public async Task A_character_split_between_fragments_is_valid_text()
    {
        await using var server = RawWebSocketServer.Start(async peer =>
        {
            await peer.SendAsync([.. RawPeer.Frame(0x01, [0x63, 0x61, 0x66, 0xC3]), .. RawPeer.Frame(0x80, [0xA9])]);
            await peer.ReadUntilAsync(-1);
        });
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions());
        await session.ConnectAsync();

        var outcome = await session.WaitForAsync(Expect.AnyMessage(MessageCheck.EqualTo("café")), TimeSpan.FromSeconds(30));

        outcome.Verdict.Should().Be(Verdict.Met, outcome.Explain());
        session.Log.Snapshot().OfType<ErrorEvent>().Should().BeEmpty();
    }

    [Fact]
    public async Task A_wrong_accept_key_names_the_header_and_the_value_it_should_have_had()
    {
        await using var server = RawWebSocketServer.Start(peer => peer.ReadUntilAsync(-1), peer => peer.AnswerHandshakeAsync(acceptFor: _ => "d3Jvbmc="));
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions());

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().MatchRegex(
            "^" + Regex.Escape($"Could not connect to {server.Url}: the server's handshake answer has Sec-WebSocket-Accept \"d3Jvbmc=\", not the value computed from the client's key (\"") +
            "[A-Za-z0-9+/=]{28}" + Regex.Escape("\", RFC 6455 section 4.2.2)") + "$");
        session.Log.Snapshot().OfType<ErrorEvent>().Single().Reason.Should().Be(failure.Which.Message);
    }

    [Fact]
    public async Task A_subprotocol_the_client_did_not_offer_is_named()
    {
        await using var server = RawWebSocketServer.Start(peer => peer.ReadUntilAsync(-1), peer => peer.AnswerHandshakeAsync(extraHeaders: "Sec-WebSocket-Protocol: x.v2\r\n"));
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { SubProtocols = ["x.v1"] });

        var failure = await FluentActions.Awaiting(session.ConnectAsync).Should().ThrowAsync<ConnectionFailedException>();

        failure.Which.Message.Should().Be(
            $"Could not connect to {server.Url}: the server's handshake answer chose the subprotocol \"x.v2\", which the client did not offer (RFC 6455 section 4.1)");
    }

    [Fact]
    public async Task An_informational_answer_before_the_101_does_not_hide_the_frames_that_follow()
    {
        await using var server = RawWebSocketServer.Start(
            async peer =>
            {
                await peer.SendAsync(RawPeer.Frame(0xC1, "hi"u8.ToArray()));
                await peer.ReadUntilAsync(-1);
            },
            peer => peer.AnswerHandshakeAsync(before: "HTTP/1.1 100 Continue\r\n\r\n"));
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions());
        await session.ConnectAsync();

        var seen = await session.Log.WaitUntilAsync(events => events.CloseEvent() is not null, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        seen.Events.OfType<ErrorEvent>().Single().Reason.Should().StartWith("The server broke the WebSocket protocol: it sent a frame with reserved bit RSV1 set");
    }
}
