using BddWs.Specs.Support;
using BddWs.Specs.Support.Driver;
using BddWs.Specs.Support.Server;
using BddWs.Tests.Server;
using FluentAssertions;
using Xunit;

namespace BddWs.Tests.Driver;

/// <summary>The embedded server as the suite starts it, and the count its leak check reads.</summary>
public sealed class ServerUnderTestTests
{
    [Fact]
    public async Task The_open_connection_count_follows_a_connection_and_returns_to_zero()
    {
        var server = new ServerUnderTest(SuiteSettings.From(_ => null));
        await server.StartAsync();
        try
        {
            (await server.OpenConnectionsAsync()).Should().Be(0);
            var session = new WebSocketSession("", server.EchoUrl, new ConnectionOptions { ConnectTimeout = Patience.MustHappen });
            await session.ConnectAsync();
            (await server.OpenConnectionsAsync()).Should().Be(1);

            await session.DisposeAsync();

            // The server counts the connection until its request ends, just after the close handshake.
            (await Eventually.HoldsAsync(async () => await server.OpenConnectionsAsync() == 0, Patience.MustHappen)).Should().BeTrue(
                $"the count should return to 0, but is {await server.OpenConnectionsAsync()}");
        }
        finally
        {
            await server.StopAsync();
        }
    }

    [Fact]
    public async Task A_connection_still_open_is_counted_after_the_settle_time_asking_health_with_pauses()
    {
        var server = new ServerUnderTest(SuiteSettings.From(_ => null));
        await server.StartAsync();
        var session = new WebSocketSession("", server.EchoUrl, new ConnectionOptions());
        try
        {
            await session.ConnectAsync();
            var asksBefore = server.HealthAsks;

            (await server.OpenConnectionsSettledAsync(TimeSpan.FromSeconds(1))).Should().Be(1);

            // One ask, then at most one per pause within the second: about ten, not thousands.
            (server.HealthAsks - asksBefore).Should().BeInRange(2, 2 + (int)(TimeSpan.FromSeconds(1) / ServerUnderTest.HealthPause));
        }
        finally
        {
            await session.DisposeAsync();
            await server.StopAsync();
        }
    }

    [Fact]
    public async Task A_server_without_health_gives_no_count()
    {
        await using var scripted = await Fakes.ScriptedServer.RepliesAsync(_ => []);
        var server = new ServerUnderTest(new SuiteSettings(scripted.Url, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        await server.StartAsync();

        (await server.OpenConnectionsAsync()).Should().BeNull();
    }
}
