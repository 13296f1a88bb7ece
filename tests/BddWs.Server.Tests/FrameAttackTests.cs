using BddWs.Testing;
using System.Net.WebSockets;
using System.Text;
using FluentAssertions;
using Xunit;
using static BddWs.Server.Tests.Helpers.ClientFrames;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>
/// Malformed and hostile frames after a valid handshake, sent over raw TCP. A violation is answered
/// with its close code (read from the bytes on the wire); what only a timeout can end, ends; and
/// after each attack the server still echoes, counts no leftover connection and logged no error.
/// </summary>
public sealed class FrameAttackTests(ImpatientServer impatient) : IClassFixture<ImpatientServer>
{
    private BundledServer Server => impatient.Server;

    public static TheoryData<string, int> Violations => new()
    {
        { "unmasked text frame", 1002 },
        { "reserved bit RSV1 without an extension", 1002 },
        { "reserved bits RSV2 and RSV3", 1002 },
        { "unknown data opcode 0x3", 1002 },
        { "unknown control opcode 0xB", 1002 },
        { "64-bit length with its most significant bit set", 1002 },
        { "ping longer than 125 bytes", 1002 },
        { "fragmented ping", 1002 },
        { "continuation without a message", 1002 },
        { "new message inside a fragmented one", 1002 },
        { "close frame with a 1-byte payload", 1002 },
        { "close code 1005, which may not be sent", 1002 },
        { "close reason that is not UTF-8", 1002 },
        { "text that is not UTF-8", 1007 },
        { "text with an overlong UTF-8 encoding", 1007 },
        { "text ending inside a UTF-8 character", 1007 },
        { "UTF-8 surrogate in a continuation", 1007 },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_violation_is_answered_with_its_close_code(string attack, int code)
    {
        await using (var raw = await RawClient.OpenAsync(Server))
        {
            await raw.SendAsync(Attack(attack));

            var answer = await raw.ReadFrameAsync();
            answer.CloseCode.Should().Be(code, $"the server should answer {attack} with close {code}, but sent {answer}");
            await raw.SendAsync(CloseFrame((ushort)code));
            (await raw.EndsWithinAsync(Aftermath.Settling)).Should().BeTrue("the server should end the connection");
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }

    [Fact]
    public async Task Messages_before_a_violation_are_answered_first()
    {
        await using (var raw = await RawClient.OpenAsync(Server))
        {
            await raw.SendAsync([.. TextFrame("fine"), .. Frame(Text, "bad"u8.ToArray(), masked: false)]);

            (await raw.ReadFrameAsync()).Text.Should().Be("Message text was: fine");
            (await raw.ReadFrameAsync()).CloseCode.Should().Be(1002);
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }

    [Fact]
    public async Task A_frame_sent_one_byte_at_a_time_is_echoed()
    {
        await using (var raw = await RawClient.OpenAsync(Server))
        {
            await raw.SendByteByByteAsync(TextFrame("slowly"));

            (await raw.ReadFrameAsync()).Text.Should().Be("Message text was: slowly");
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }

    [Fact]
    public async Task A_character_split_between_fragments_with_a_ping_between_them_is_valid_text()
    {
        await using (var raw = await RawClient.OpenAsync(Server))
        {
            await raw.SendAsync([.. Frame(Text, [.. "caf"u8, 0xC3], fin: false), .. Frame(Ping, "p"u8.ToArray()), .. Frame(Continuation, [0xA9, .. "!"u8])]);

            var pong = await raw.ReadAnyFrameAsync();
            pong.Opcode.Should().Be(Pong);
            pong.Text.Should().Be("p");
            (await raw.ReadFrameAsync()).Text.Should().Be("Message text was: café!");
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }

    [Theory]
    [InlineData("a text frame cut short")]
    [InlineData("a header declaring 2^62 bytes")]
    [InlineData("half a frame header")]
    public async Task A_frame_left_unfinished_is_dropped_by_the_keep_alive(string attack)
    {
        await using (var raw = await RawClient.OpenAsync(Server))
        {
            await raw.SendAsync(attack switch
            {
                "a text frame cut short" => [.. Header(Text, 10), .. Mask("abc"u8.ToArray())],
                "a header declaring 2^62 bytes" => [.. Header(Binary, 1UL << 62), .. Mask([1, 2, 3])],
                _ => Header(Text, 1000)[..3],
            });

            // It cannot answer a ping from inside a frame, so the keep-alive gives up on it.
            (await raw.EndsWithinAsync(Aftermath.Settling)).Should().BeTrue("the keep-alive timeout should end the connection");
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }

    [Fact]
    public async Task A_huge_declared_length_that_is_really_sent_gets_1009_after_1_MiB()
    {
        await using (var raw = await RawClient.OpenAsync(Server))
        {
            await raw.SendAsync(Header(Binary, 1UL << 40));
            var sending = SendZerosAsync(raw, 2 * 1024 * 1024);

            (await raw.ReadFrameAsync()).CloseCode.Should().Be(1009);
            await sending;
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_message_over_1_MiB_gets_1009_in_one_frame_or_several(int frames)
    {
        const int tooBig = (1024 * 1024) + 1;
        await using (var raw = await RawClient.OpenAsync(Server))
        {
            var payload = new byte[tooBig];
            var size = (payload.Length / frames) + 1;
            var chunks = payload.Chunk(size).ToList();
            var sending = Task.Run(async () =>
            {
                for (var i = 0; i < chunks.Count; i++)
                {
                    await raw.SendAsync(Frame(i == 0 ? Binary : Continuation, chunks[i], fin: i == chunks.Count - 1));
                }
            }, TestContext.Current.CancellationToken);

            var answer = await raw.ReadFrameAsync();
            answer.CloseCode.Should().Be(1009);
            answer.Text.Should().Be("Messages are limited to 1048576 bytes");
            await sending;
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }

    [Fact]
    public async Task A_message_of_exactly_1_MiB_is_echoed()
    {
        await using var client = await TestClient.ConnectAsync(Server.WebSocket("/ws"));
        var payload = Enumerable.Range(0, 1024 * 1024).Select(i => (byte)i).ToArray();

        await client.SendAsync(payload, WebSocketMessageType.Binary);

        (await client.ReceiveAsync()).Payload.Should().Equal(payload);
    }

    private static async Task SendZerosAsync(RawClient raw, int count)
    {
        var chunk = Mask(new byte[64 * 1024]);
        try
        {
            for (var sent = 0; sent < count; sent += chunk.Length)
            {
                await raw.SendAsync(chunk);
            }
        }
        catch (IOException)
        {
            // The server may drop the connection before all of it is sent; it has answered by then.
        }
    }

    private static byte[] Attack(string name) => name switch
    {
        "unmasked text frame" => Frame(Text, "hello"u8.ToArray(), masked: false),
        "reserved bit RSV1 without an extension" => Frame(Text, "hello"u8.ToArray(), reserved: 4),
        "reserved bits RSV2 and RSV3" => Frame(Binary, [1, 2, 3], reserved: 3),
        "unknown data opcode 0x3" => Frame(0x3, "hello"u8.ToArray()),
        "unknown control opcode 0xB" => Frame(0xB, []),
        "64-bit length with its most significant bit set" => [.. Header(Binary, 0x8000_0000_0000_0004, longForm: true), .. Mask([1, 2, 3, 4])],
        "ping longer than 125 bytes" => Frame(Ping, new byte[126]),
        "fragmented ping" => Frame(Ping, "hi"u8.ToArray(), fin: false),
        "continuation without a message" => Frame(Continuation, "hello"u8.ToArray()),
        "new message inside a fragmented one" => [.. TextFrame("hel", fin: false), .. TextFrame("lo")],
        "close frame with a 1-byte payload" => Frame(Close, [3]),
        "close code 1005, which may not be sent" => CloseFrame(1005),
        "close reason that is not UTF-8" => Frame(Close, [0x03, 0xE8, 0xC3, 0x28]),
        "text that is not UTF-8" => Frame(Text, [.. "H"u8, 0xC3, 0x28]),
        "text with an overlong UTF-8 encoding" => Frame(Text, [0xC0, 0xAF]),
        "text ending inside a UTF-8 character" => Frame(Text, [.. "H"u8, 0xC3]),
        "UTF-8 surrogate in a continuation" => [.. TextFrame("ok", fin: false), .. Frame(Continuation, [0xED, 0xA0, 0x80])],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such attack."),
    };
}
