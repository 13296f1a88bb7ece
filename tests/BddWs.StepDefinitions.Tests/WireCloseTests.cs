using System.Net.WebSockets;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>A close the client starts is recorded as the server answered it on the wire, not as the client asked.</summary>
public sealed class WireCloseTests
{
    [Fact]
    public async Task A_server_that_drops_tcp_instead_of_answering_the_close_gives_1006()
    {
        await using var steps = await RawAsync(async peer =>
        {
            await peer.ReadUntilAsync(0x8);
            peer.Drop();
        });
        await steps.Connecting.ConnectToEcho(I);

        await steps.Closing.Close(I);

        await steps.Closing.CloseEventWith(I, (WebSocketCloseStatus)1006);
        (await FailureOf(() => steps.Closing.CloseEventWith(I, WebSocketCloseStatus.NormalClosure))).Should().MatchRegex(
            @"^Expected a close event with 1000 NormalClosure \(decided after \d+ ms of 300 ms\), but the connection dropped with " +
            @"1006 AbnormalClosure ""the server (reset|closed) the TCP connection without answering the close frame""\.$");
    }

    [Fact]
    public async Task The_status_and_reason_the_server_sent_back_are_recorded()
    {
        await using var steps = await RawAsync(async peer =>
        {
            await peer.ReadUntilAsync(0x8);
            // Then the server ends the TCP connection, as RFC 6455 section 7.1.1 asks of it.
            await peer.SendCloseAsync(4002, "not what you asked");
        }, timeout: Patience.MustHappen);
        await steps.Connecting.ConnectToEcho(I);

        await steps.Closing.CloseWithReason(I, WebSocketCloseStatus.EndpointUnavailable, "bye");

        await steps.Closing.CloseEventWith(I, (WebSocketCloseStatus)4002);
        (await FailureOf(() => steps.Closing.CloseEventWith(I, WebSocketCloseStatus.EndpointUnavailable))).Should().EndWith(
            "but the client closed it and the server answered with 4002 \"not what you asked\".");
    }

    [Fact]
    public async Task A_close_frame_without_a_status_reads_1005()
    {
        await using var steps = await RawAsync(async peer =>
        {
            await peer.ReadUntilAsync(0x8);
            await peer.SendFrameAsync(0x88, []);
        }, timeout: Patience.MustHappen);
        await steps.Connecting.ConnectToEcho(I);

        await steps.Closing.Close(I);

        await steps.Closing.CloseEventWith(I, (WebSocketCloseStatus)1005);
    }

    [Fact]
    public async Task A_close_the_server_starts_is_recorded_as_sent()
    {
        await using var steps = await RawAsync(async peer =>
        {
            await peer.SendFrameAsync(0x88, []);
            await peer.ReadUntilAsync(0x8);
        }, timeout: Patience.MustHappen);
        await steps.Connecting.ConnectToEcho(I);

        await steps.Closing.CloseEventWith(I, (WebSocketCloseStatus)1005);
        await steps.Closing.Timeline(I, "open, close");
    }
}
