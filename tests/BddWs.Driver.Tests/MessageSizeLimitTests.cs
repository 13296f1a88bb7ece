using BddWs.Driver;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

using BddWs.Driver.Tests.Helpers;

namespace BddWs.Driver.Tests;

/// <summary>
/// A server cannot make the test host buffer without end: a message announced or grown past the
/// client's limit fails the connection before its payload is read, with an error naming the limit.
/// </summary>
public sealed class MessageSizeLimitTests
{
    private const long Limit = 1024 * 1024;

    [Fact]
    public async Task An_endless_frame_fails_the_connection_at_its_header_and_the_client_stops_reading()
    {
        long written = 0;
        await using var server = RawWebSocketServer.Start(async peer =>
        {
            await peer.SendTextAsync("before");
            await peer.SendAsync(RawPeer.Frame(0x82, [], announcedLength: 1L << 62));
            var chunk = new byte[64 * 1024];
            while (true)
            {
                // Ends when the client drops the connection (or at the peer's deadline, if it never did).
                await peer.SendAsync(chunk);
                written += chunk.Length;
            }
        });
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { MaxMessageBytes = Limit });
        await session.ConnectAsync();

        var seen = await session.Log.WaitUntilAsync(events => events.CloseEvent() is not null, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var reason = "The server sent a message larger than the client accepts: it announced 4611686018427387904 bytes, " +
                     "the limit is 1048576 bytes (BDDWS_MAX_MESSAGE_BYTES; close code 1009 MessageTooBig)";
        seen.Events.Timeline().Should().Equal("open", "message", "error", "close");
        seen.Events.OfType<ErrorEvent>().Single().Reason.Should().Be(reason);
        seen.Events.CloseEvent().Should().BeEquivalentTo(new { By = ClosedBy.Failure, Status = WebSocketSession.AbnormalClosure, Reason = reason });
        await server.DisposeAsync();
        written.Should().BeLessThan(64L * 1024 * 1024, "the client stops reading at the header; only socket buffers fill");
    }

    [Fact]
    public async Task Fragments_that_add_up_past_the_limit_fail_the_connection_and_the_server_is_told_1009()
    {
        var toldWhy = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawWebSocketServer.Start(async peer =>
        {
            var half = new byte[Limit / 2 + 1];
            await peer.SendFrameAsync(0x02, half);
            await peer.SendFrameAsync(0x00, half);
            toldWhy.TrySetResult(await peer.ReadUntilAsync(0x8));
        });
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { MaxMessageBytes = Limit });
        await session.ConnectAsync();

        var seen = await session.Log.WaitUntilAsync(events => events.CloseEvent() is not null, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        seen.Events.OfType<ErrorEvent>().Single().Reason.Should().Be(
            "The server sent a message larger than the client accepts: its fragments reached 1048578 bytes, " +
            "the limit is 1048576 bytes (BDDWS_MAX_MESSAGE_BYTES; close code 1009 MessageTooBig)");
        (await toldWhy.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Should().Equal([0x03, 0xF1]);
    }

    [Fact]
    public async Task A_message_of_exactly_the_limit_is_received()
    {
        await using var server = RawWebSocketServer.Start(async peer =>
        {
            await peer.SendFrameAsync(0x82, new byte[Limit]);
            await peer.ReadUntilAsync(-1);
        });
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { MaxMessageBytes = Limit });
        await session.ConnectAsync();

        var outcome = await session.WaitForAsync(Expect.AnyMessage(MessageCheck.Bytes(new byte[Limit])), TimeSpan.FromSeconds(30));

        outcome.Verdict.Should().Be(Verdict.Met, outcome.Explain());
    }
}
