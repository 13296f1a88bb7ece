using BddWs.Driver;
using FluentAssertions;
using BddWs.Testing;
using Xunit;

using BddWs.Driver.Tests.Helpers;

namespace BddWs.Driver.Tests;

/// <summary>Which server a run tests, and the count its leak check reads.</summary>
public sealed class ServerUnderTestTests
{
    [Fact]
    public async Task Without_a_server_url_or_a_started_server_the_run_says_what_to_set()
    {
        var server = new ServerUnderTest(SuiteSettings.From(_ => null));

        var start = () => server.StartAsync();

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be(
            "No server to test: set BDDWS_SERVER_URL to your service's base URL, for example ws://localhost:8080/, or have the suite host your service (the BddWs.Hosting package).");
    }

    [Fact]
    public async Task The_server_url_setting_wins_over_a_server_the_suite_started()
    {
        var named = new Uri("ws://127.0.0.1:9/ws");
        var server = new ServerUnderTest(new SuiteSettings(named, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        server.Use(new Uri("ws://127.0.0.1:8765/ws"));
        await server.StartAsync();

        server.EchoUrl.Should().Be(named);
    }

    [Fact]
    public async Task The_open_connection_count_follows_a_connection_and_returns_to_zero()
    {
        await using var bundled = await BundledServer.StartAsync();
        var server = new ServerUnderTest(SuiteSettings.From(_ => null));
        server.Use(bundled.WebSocket("/ws"));
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
        await using var bundled = await BundledServer.StartAsync();
        var server = new ServerUnderTest(SuiteSettings.From(_ => null));
        server.Use(bundled.WebSocket("/ws"));
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
        await using var scripted = await ScriptedServer.RepliesAsync(_ => []);
        var server = new ServerUnderTest(new SuiteSettings(scripted.Url, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        await server.StartAsync();

        (await server.OpenConnectionsAsync()).Should().BeNull();
    }
}
