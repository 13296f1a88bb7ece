using BddWs.Driver;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>The server's pings are answered at once and judged by no sentence: a connection pinged often stays open and sees nothing.</summary>
public sealed class SocketIoPingTests
{
    [Fact]
    public async Task Pings_are_answered_with_pongs_and_left_out_of_what_the_steps_see()
    {
        await using var steps = await BundledAsync(null, "--SocketIo:PingInterval=00:00:00.05", "--SocketIo:PingTimeout=00:00:02");
        await steps.SocketIo.ConnectWithAuth(I, "/chat", default, """{ "token": "chat-secret", "name": "ada" }""");
        var session = steps.Connections.Default;

        (await Eventually.HoldsAsync(() => session.Log.Snapshot().OfType<MessageEvent>().Count(e => e.Direction == MessageDirection.Sent && e.Message.Text == "3") >= 3))
            .Should().BeTrue("every ping is answered with a pong");

        session.IsOpen.Should().BeTrue();
        session.ReceivedSoFar().Count.Should().Be(0, "the open packet, the connect answer and the pings are plumbing");
    }
}
