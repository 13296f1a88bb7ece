using BddWs.Driver;
using FluentAssertions;
using Xunit;

namespace BddWs.Hosting.Tests;

/// <summary>
/// The run's one hosted service, named on this assembly. One class, so its tests, which share the
/// run's service, do not run at the same time.
/// </summary>
public sealed class HostedRunTests
{
    private static readonly System.Reflection.Assembly Suite = typeof(HostedRunTests).Assembly;

    /// <summary>The service named on this assembly, without its setups: one of them is made to fail (see its test).</summary>
    private static async Task<HostedServer> WithoutSetups(HostingAttribute hosting) => await HostedService.StartAsync((HostServiceAttribute)hosting, []);

    [Fact]
    public async Task The_run_starts_its_service_once_however_often_it_is_asked_and_names_it_the_server_under_test()
    {
        try
        {
            var first = HostedRun.StartAsync(Suite, WithoutSetups);
            var again = HostedRun.StartAsync(Suite, WithoutSetups);
            new HostedServiceStart().Begin(Suite);
            var server = new ServerUnderTest(SuiteSettings.From(_ => null));

            await HostingHooks.NameTheServerAsync(server, SuiteSettings.From(_ => null), () => HostedRun.StartAsync(Suite));
            await server.StartAsync();

            again.Should().BeSameAs(first);
            var service = (await first)!;
            HostedRun.Current.Should().BeSameAs(service);
            server.EchoUrl.Should().Be(service.WebSocketUrl);
            server.EchoUrl.ToString().Should().MatchRegex("^ws://127\\.0\\.0\\.1:[0-9]+/shout$");
            (await Shout.RoundTripAsync(server.EchoUrl, "once")).Should().Be("ONCE");
        }
        finally
        {
            await HostedRun.StopAsync();
        }

        HostedRun.Current.Should().BeNull();
    }

    [Fact]
    public async Task The_server_url_setting_wins_and_nothing_is_started()
    {
        var named = new Uri("ws://127.0.0.1:9/ws");
        var settings = new SuiteSettings(named, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var server = new ServerUnderTest(settings);
        var started = false;

        await HostingHooks.NameTheServerAsync(server, settings, () =>
        {
            started = true;
            return HostedRun.StartAsync(Suite);
        });
        await server.StartAsync();

        started.Should().BeFalse();
        server.EchoUrl.Should().Be(named);
    }

    [Fact]
    public async Task With_the_server_url_variable_set_the_early_start_starts_nothing()
    {
        Environment.SetEnvironmentVariable(SuiteSettings.ServerUrlVariable, "ws://127.0.0.1:9/ws");
        try
        {
            (await HostedRun.StartAsync(Suite, WithoutSetups)).Should().BeNull();
        }
        finally
        {
            Environment.SetEnvironmentVariable(SuiteSettings.ServerUrlVariable, null);
            await HostedRun.StopAsync();
        }
    }

    [Fact]
    public void A_suite_that_names_a_service_and_an_apphost_is_told_to_keep_one()
    {
        var named = new HostingAttribute[]
        {
            new HostServiceAttribute(typeof(Program)),
            new Aspire.HostAppHostAttribute(typeof(Projects.SampleAppHost)) { Resource = "sample" },
        };

        var choose = () => HostedRun.TheOne(named);

        choose.Should().Throw<HostingFailedException>().WithMessage(
            "The suite names 2 services to host (service SampleService, resource sample of the AppHost SampleAppHost): keep one.");
    }
}
