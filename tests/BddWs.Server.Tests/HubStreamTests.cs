using BddWs.Server.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace BddWs.Server.Tests;

/// <summary><c>/hubs/chat</c>'s streams: <c>Countdown</c> from the server (items in order, completion, error, cancellation) and <c>Sum</c> to it.</summary>
public sealed class HubStreamTests(BundledServer server) : IClassFixture<BundledServer>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Countdown_streams_the_numbers_down_to_1_then_completes()
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");

        var numbers = await client.StreamAsync<int>("Countdown", 5, 10, Cancellation).ToListAsync(Cancellation);

        numbers.Should().Equal(5, 4, 3, 2, 1);
    }

    [Fact]
    public async Task Countdown_from_0_completes_without_a_number()
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");

        (await client.StreamAsync<int>("Countdown", 0, 0, Cancellation).ToListAsync(Cancellation)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(-1, 0, "cannot count down from a negative number")]
    [InlineData(10_001, 0, "cannot count down from more than 10000")]
    [InlineData(3, -1, "the delay must be from 0 to 10000 ms")]
    [InlineData(3, 10_001, "the delay must be from 0 to 10000 ms")]
    public async Task Countdown_with_a_bad_argument_ends_the_stream_with_the_error(int from, int delayMs, string error)
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");

        await FluentActions.Awaiting(() => client.StreamAsync<int>("Countdown", from, delayMs, Cancellation).ToListAsync(Cancellation).AsTask())
            .Should().ThrowAsync<HubException>()
            .WithMessage($"An error occurred on the server while streaming results. HubException: {error}");
    }

    [Fact]
    public async Task A_cancelled_countdown_stops_and_the_connection_goes_on()
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var received = new List<int>();

        // An hour-long countdown: only the cancellation can end it within the test.
        var reading = async () =>
        {
            await foreach (var number in client.StreamAsync<int>("Countdown", 3600, 1000, stop.Token))
            {
                received.Add(number);
                await stop.CancelAsync();
            }
        };

        await reading.Should().ThrowAsync<OperationCanceledException>();
        received.Should().Equal(3600);
        (await client.InvokeAsync<long>("Add", 1, 1, Cancellation)).Should().Be(2);
    }

    [Fact]
    public async Task Sum_adds_up_a_stream_the_client_sends()
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");

        (await client.InvokeAsync<long>("Sum", OneTo(100), Cancellation)).Should().Be(5050);
    }

    private static async IAsyncEnumerable<int> OneTo(int last)
    {
        for (var number = 1; number <= last; number++)
        {
            await Task.Yield();
            yield return number;
        }
    }
}
