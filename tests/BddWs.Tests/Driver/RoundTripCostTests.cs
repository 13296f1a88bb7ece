using System.Diagnostics;
using BddWs.Specs.Support.Driver;
using BddWs.Tests.Server;
using FluentAssertions;
using Xunit;

namespace BddWs.Tests.Driver;

/// <summary>
/// The seed's scenario (connect, send two, receive exactly two, close) against the bundled server,
/// many times: "exactly 2" passes every time, and the output says what its round trip costs.
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

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double share) => values.Order().ElementAt((int)(share * (values.Count - 1)));
}
