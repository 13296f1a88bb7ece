using System.Diagnostics;
using BddWs.Driver;
using BddWs.Driver.Tests.Helpers;
using FluentAssertions;
using Xunit;

using BddWs.Testing;

namespace BddWs.Driver.Tests;

/// <summary>
/// The two-message echo scenario (connect, send two, receive exactly two, close) against the bundled server,
/// many times: "exactly 2" passes every time, and the output says what its round trip costs; after
/// sending three, "exactly 2" fails every time, also when the third is still on its way.
/// </summary>
[Collection(nameof(AloneCollection))]
public sealed class RoundTripCostTests
{
    private const int Runs = 200;

    [Fact]
    public async Task Exactly_two_passes_every_time_against_the_bundled_server()
    {
        await using var server = await BundledServer.StartAsync();
        var settled = new List<double>();
        var unsettled = new List<double>();
        var scenarios = new List<double>();

        for (var run = 0; run < Runs; run++)
        {
            var scenario = Stopwatch.StartNew();
            await using var session = new WebSocketSession("", server.WebSocket("/ws"), new ConnectionOptions());
            await session.ConnectAsync();
            await session.SendAsync(WebSocketMessage.FromText("Hello, WebSocket!"));
            await session.SendAsync(WebSocketMessage.FromText("How are you?"));
            await session.WaitForAsync(Expect.InOrder([MessageCheck.Containing("Hello"), MessageCheck.Containing("How")]), TimeSpan.FromSeconds(10));

            var early = await session.WaitForAsync(Expect.MessageCount(2) with { SettlesByRoundTrip = false }, TimeSpan.FromSeconds(10));
            var exact = await session.WaitForAsync(Expect.MessageCount(2), TimeSpan.FromSeconds(10));
            await session.CloseAsync();
            scenarios.Add(scenario.Elapsed.TotalMilliseconds);

            exact.Verdict.Should().Be(Verdict.Met, exact.Explain());
            unsettled.Add(early.Waited.TotalMilliseconds);
            settled.Add(exact.Waited.TotalMilliseconds);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Runs} runs: \"exactly 2\" decided in {Median(unsettled):0.000} ms without the round trip, {Median(settled):0.000} ms with it " +
            $"(90th percentile {Percentile(settled, 0.9):0.000} ms); the whole scenario {Median(scenarios):0.0} ms (medians)");
    }

    [Fact]
    public async Task Exactly_two_fails_every_time_when_three_were_sent()
    {
        await using var server = await BundledServer.StartAsync();
        var decidedEarly = 0;

        for (var run = 0; run < Runs; run++)
        {
            await using var session = new WebSocketSession("", server.WebSocket("/ws"), new ConnectionOptions());
            await session.ConnectAsync();
            foreach (var text in new[] { "one", "two", "three" })
            {
                await session.SendAsync(WebSocketMessage.FromText(text));
            }

            await session.WaitForAsync(Expect.MessageAt(2, MessageCheck.Containing("two")), TimeSpan.FromSeconds(10));
            decidedEarly += session.Log.Snapshot().ReceivedMessages().Count == 2 ? 1 : 0;
            var exact = await session.WaitForAsync(Expect.MessageCount(2), TimeSpan.FromSeconds(10));

            exact.Verdict.Should().Be(Verdict.Failed, $"run {run + 1}: {exact.Explain()}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Runs} runs: the third echo was still on its way when the second had arrived in {decidedEarly}; \"exactly 2\" failed in all");
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double share) => values.Order().ElementAt((int)(share * (values.Count - 1)));
}
