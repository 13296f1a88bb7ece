using System.Net.WebSockets;
using BddWs.Server.Hardening;
using FluentAssertions;
using Xunit;
using static BddWs.Server.Tests.Helpers.ClientFrames;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>The frame checker on its own: however the bytes are split, valid traffic passes and a violation is named.</summary>
public sealed class ClientFrameCheckerTests
{
    private static readonly byte[] Conversation =
    [
        .. TextFrame("héllo"),
        .. Frame(Binary, new byte[300]),
        .. Frame(Text, [.. "ü is "u8, 0xC3], fin: false),
        .. Frame(Ping, "keep-alive"u8.ToArray()),
        .. Frame(Continuation, [0xBC], fin: false),
        .. Frame(Continuation, []),
        .. Frame(Binary, new byte[70_000]),
        .. Frame(Pong, []),
        .. CloseFrame(1000, "bye"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Valid_frames_pass_however_they_are_split(int piece)
    {
        var checker = new ClientFrameChecker();

        var accepted = Conversation.Chunk(piece).Sum(part => checker.Check(part));

        checker.Violation.Should().BeNull();
        accepted.Should().Be(Conversation.Length);
        checker.PeerClosed.Should().BeTrue();
    }

    [Fact]
    public void A_violation_names_itself_and_leaves_the_whole_frames_before_it()
    {
        var checker = new ClientFrameChecker();
        var fine = TextFrame("fine");

        var accepted = checker.Check([.. fine, .. Frame(Text, "x"u8.ToArray(), masked: false), .. CloseFrame(1000)]);

        accepted.Should().Be(fine.Length);
        checker.Violation.Should().Be(new FrameViolation(WebSocketCloseStatus.ProtocolError, "unmasked frame from a client"));
        checker.PeerClosed.Should().BeTrue("the client's close frame after the violation is still noticed");
        checker.Check(TextFrame("more")).Should().Be(0);
    }

    [Fact]
    public void Invalid_UTF_8_is_found_even_when_it_straddles_two_reads()
    {
        var checker = new ClientFrameChecker();
        // F0 9F starts a 4-byte character, which 28 28 do not continue.
        var frame = Frame(Text, [.. "ok "u8, 0xF0, 0x9F, 0x28, 0x28]);

        checker.Check(frame[..^2]).Should().Be(frame.Length - 2);
        checker.Check(frame[^2..]).Should().Be(0);

        checker.Violation!.Status.Should().Be(WebSocketCloseStatus.InvalidPayloadData);
    }

    [Fact]
    public void Invalid_UTF_8_is_found_at_the_first_byte_that_cannot_continue_a_character()
    {
        var checker = new ClientFrameChecker();

        // F4 90 would be beyond U+10FFFF, whatever follows.
        checker.Check([.. Header(Text, 10), .. Mask([0x41, 0xF4, 0x90])]).Should().Be(0);

        checker.Violation!.Status.Should().Be(WebSocketCloseStatus.InvalidPayloadData);
    }

    [Fact]
    public void A_violation_in_a_later_read_leaves_nothing_of_that_read()
    {
        var checker = new ClientFrameChecker();
        var header = Header(Text, 3);

        checker.Check(header).Should().Be(header.Length);
        checker.Check(Mask([0xFF, 0xFF, 0xFF])).Should().Be(0);

        checker.Violation!.Reason.Should().Be("text message that is not valid UTF-8");
    }

    [Fact]
    public void A_close_frame_for_a_violation_carries_status_and_reason()
    {
        FrameViolation.InvalidText("bad").CloseFrame().Should().Equal(0x88, 5, 0x03, 0xEF, (byte)'b', (byte)'a', (byte)'d');
    }
}
