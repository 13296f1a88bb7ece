using BddWs.Driver;
using BddWs.Hosting.Aspire;
using FluentAssertions;
using Xunit;

namespace BddWs.Hosting.Tests;

/// <summary>
/// The sample AppHost started as a suite starts its own, its resource "sample" (the sample service, in a
/// process of its own) named the server under test. One class: each start runs the orchestrator.
/// </summary>
public sealed class AppHostRunTests
{
    private static readonly HostAppHostAttribute Sample = new(typeof(Projects.SampleAppHost)) { Resource = "sample", Path = "/shout" };

    [Fact]
    public async Task The_apphost_starts_and_the_resources_address_is_the_server_under_test()
    {
        await using var run = await AppHostRun.StartAsync(Sample);
        var server = new ServerUnderTest(SuiteSettings.From(_ => null));

        await HostingHooks.NameTheServerAsync(server, SuiteSettings.From(_ => null), () => Task.FromResult<HostedServer?>(run));
        await server.StartAsync();

        server.EchoUrl.Should().Be(run.WebSocketUrl);
        server.EchoUrl.Scheme.Should().Be("ws");
        server.EchoUrl.AbsolutePath.Should().Be("/shout");
        (await Shout.RoundTripAsync(server.EchoUrl, "aspire")).Should().Be("ASPIRE");
        (await LineAsync(run.Log, "Shouting back aspire")).Should().MatchRegex(@"^\d\d:\d\d:\d\d\.\d{3} info: SampleService\.Shout\[0\] Shouting back aspire$");
    }

    /// <summary>
    /// The first kept line containing <paramref name="text"/>: the resource's lines come from another process,
    /// a moment after it wrote them, and the log has no event to await, so it is looked at until a deadline.
    /// </summary>
    private static async Task<string?> LineAsync(CapturedLog log, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var line = log.Since(0).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null || DateTime.UtcNow > deadline)
            {
                return line;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task The_server_url_setting_wins_over_the_apphost_and_nothing_is_started()
    {
        var named = new Uri("ws://127.0.0.1:9/ws");
        var settings = new SuiteSettings(named, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var server = new ServerUnderTest(settings);
        var started = false;

        await HostingHooks.NameTheServerAsync(server, settings, async () =>
        {
            started = true;
            return await AppHostRun.StartAsync(Sample);
        });
        await server.StartAsync();

        started.Should().BeFalse();
        server.EchoUrl.Should().Be(named);
    }

    [Fact]
    public async Task A_resource_the_apphost_does_not_have_fails_in_one_line()
    {
        var start = () => AppHostRun.StartAsync(new HostAppHostAttribute(typeof(Projects.SampleAppHost)) { Resource = "orders" });

        (await start.Should().ThrowAsync<HostingFailedException>()).Which.Message.Should().Be(
            "The AppHost SampleAppHost has no resource named \"orders\" (it has: sample).");
    }

    [Fact]
    public async Task A_resource_that_crashes_at_start_fails_in_one_line_with_its_reason()
    {
        var start = () => AppHostRun.StartAsync(Sample, ["--FailAtStart=The orders database cannot be reached."]);

        (await start.Should().ThrowAsync<HostingFailedException>()).Which.Message.Should().MatchRegex(
            "^The resource sample of the AppHost SampleAppHost did not start: it stopped with exit code -?[0-9]+: The orders database cannot be reached\\.$");
    }

    [Fact]
    public async Task A_resource_that_never_runs_is_given_up_at_the_deadline_in_one_line()
    {
        var idle = new HostAppHostAttribute(typeof(Projects.SampleAppHost)) { Resource = "idle", TimeoutSeconds = 10 };

        var start = () => AppHostRun.StartAsync(idle, ["--Idle=true"]);

        (await start.Should().ThrowAsync<HostingFailedException>()).Which.Message.Should().Be(
            "The resource idle of the AppHost SampleAppHost did not start: it was not running after 10 seconds (its state: NotStarted).");
    }

    [Fact]
    public async Task An_apphost_named_without_its_resource_says_what_to_add()
    {
        var start = () => AppHostRun.StartAsync(new HostAppHostAttribute(typeof(Projects.SampleAppHost)));

        (await start.Should().ThrowAsync<HostingFailedException>()).Which.Message.Should().Be(
            "The AppHost SampleAppHost is named without the resource to test: add Resource = \"<its name in the AppHost>\".");
    }
}
