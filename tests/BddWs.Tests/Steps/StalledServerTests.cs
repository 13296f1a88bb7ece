using System.Net.WebSockets;
using BddWs.Specs.Support.Driver;
using BddWs.Tests.Fakes;
using FluentAssertions;
using Xunit;
using static BddWs.Tests.Steps.StepHarness;

namespace BddWs.Tests.Steps;

/// <summary>
/// A server that stops taking part (never answers the close frame, stops reading) fails the step
/// at its deadline, saying what was waited for; the connection is dropped and the scenario can end.
/// </summary>
public sealed class StalledServerTests
{
    // Room for a message far larger than what loopback sockets buffer, so the send must block.
    private const int Blocking = 32 * 1024 * 1024;

    [Fact(Timeout = 60_000)]
    public async Task Closing_fails_at_the_deadline_when_the_server_never_answers_the_close_frame()
    {
        await using var server = RawServer.Start(RawServer.ReadsButNeverAnswers);
        await using var steps = await StartAsync(_ => Task.CompletedTask);
        await steps.Connecting.ConnectTo(I, server.Url.ToString());

        (await FailureOf(() => steps.Closing.Close(I))).Should().Be(
            "The server did not answer the close frame within 300 ms; the connection was dropped.");

        steps.Connections.Default.State.Should().Be(WebSocketState.Aborted);
        await steps.Closing.Timeline(I, "open, error, close");
        await steps.Closing.CloseEventWith(I, WebSocketSession.AbnormalClosure);
        await steps.Closing.ErrorEventContaining(I, "did not answer the close frame");
    }

    [Fact(Timeout = 60_000)]
    public async Task Sending_fails_at_the_deadline_when_the_server_stops_reading()
    {
        await using var server = RawServer.Start(RawServer.NeverReads);
        await using var steps = await StartAsync(_ => Task.CompletedTask);
        await steps.Connecting.ConnectTo(I, server.Url.ToString());

        (await FailureOf(() => steps.Sending.SendText(I, new string('x', Blocking)))).Should().Be(
            $"Sending \"{new string('x', 200)}… ({Blocking} characters)\" did not finish within 300 ms: the server stopped reading.");

        steps.Connections.Default.State.Should().Be(WebSocketState.Aborted);
        await steps.Closing.CloseEventWith(I, WebSocketSession.AbnormalClosure);
        (await FailureOf(() => steps.Sending.SendText(I, "next"))).Should().Be(
            $"Cannot send \"next\": the connection to {server.Url} is aborted.");
    }

    [Fact(Timeout = 60_000)]
    public async Task At_the_default_deadline_an_unanswered_close_and_a_blocked_send_fail_after_2s()
    {
        await using var silent = RawServer.Start(RawServer.ReadsButNeverAnswers);
        await using var closing = new WebSocketSession("", silent.Url, new ConnectionOptions());
        await closing.ConnectAsync();
        var closeTook = await TimeToFail(() => closing.CloseAsync());

        await using var deaf = RawServer.Start(RawServer.NeverReads);
        await using var sending = new WebSocketSession("", deaf.Url, new ConnectionOptions());
        await sending.ConnectAsync();
        var sendTook = await TimeToFail(() => sending.SendAsync(WebSocketMessage.FromText(new string('x', Blocking))));

        // No upper bound: the machine is shared. The figures go to docs/reliability.md.
        TestContext.Current.TestOutputHelper!.WriteLine($"unanswered close failed after {closeTook.TotalMilliseconds:0} ms, blocked send after {sendTook.TotalMilliseconds:0} ms");
        // The timer may fire a few milliseconds before the stopwatch reads 2 s.
        closeTook.Should().BeGreaterThan(TimeSpan.FromSeconds(1.9));
        sendTook.Should().BeGreaterThan(TimeSpan.FromSeconds(1.9));
    }

    private static async Task<TimeSpan> TimeToFail(Func<Task> step)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await FluentActions.Awaiting(step).Should().ThrowAsync<DeadlineExceededException>();
        return clock.Elapsed;
    }
}
