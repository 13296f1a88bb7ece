using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SampleService;

namespace BddWs.Hosting.Tests;

/// <summary>The sample service hosted as a suite hosts its own: real sockets, adjusted by setups, failing in one line, logging.</summary>
public sealed class HostedServiceTests
{
    private static readonly HostServiceAttribute Shouting = new(typeof(Program)) { Path = "/shout" };

    [Fact]
    public async Task The_service_listens_on_a_loopback_port_of_its_own_and_answers_over_a_real_websocket()
    {
        await using var service = await HostedService.StartAsync(Shouting, []);

        service.WebSocketUrl.Scheme.Should().Be("ws");
        service.WebSocketUrl.Host.Should().Be("127.0.0.1");
        service.WebSocketUrl.Port.Should().BeGreaterThan(0);
        service.WebSocketUrl.AbsolutePath.Should().Be("/shout");
        (await Shout.RoundTripAsync(service.WebSocketUrl, "hello")).Should().Be("HELLO");
    }

    [Fact]
    public async Task Without_a_setup_the_environment_is_development_and_the_service_is_as_written()
    {
        await using var service = await HostedService.StartAsync(Shouting, []);

        var about = await AboutAsync(service);

        about["environment"]!.GetValue<string>().Should().Be("Development");
        about["greeting"]!.GetValue<string>().Should().Be("Hello, visitor!");
    }

    [Fact]
    public async Task The_environment_named_on_the_attribute_is_the_services()
    {
        await using var service = await HostedService.StartAsync(new HostServiceAttribute(typeof(Program)) { Environment = "Staging" }, []);

        (await AboutAsync(service))["environment"]!.GetValue<string>().Should().Be("Staging");
    }

    [Fact]
    public async Task A_setup_sets_the_environment_a_setting_and_replaces_a_service()
    {
        var setups = new IServiceSetup[]
        {
            new DelegateSetup(host => host.UseEnvironment("Testing").UseSetting("Greeting:Word", "Hej")),
        };
        await using var configured = await HostedService.StartAsync(Shouting, setups);
        var replacing = new DelegateSetup(host => host.ConfigureTestServices(services => services.AddSingleton<IGreeting, PlainGreeting>()));
        await using var replaced = await HostedService.StartAsync(Shouting, [replacing]);

        var about = await AboutAsync(configured);
        about["environment"]!.GetValue<string>().Should().Be("Testing");
        about["greeting"]!.GetValue<string>().Should().Be("Hej, visitor!");
        (await AboutAsync(replaced))["greeting"]!.GetValue<string>().Should().Be("hi visitor");
    }

    [Fact]
    public async Task A_service_that_fails_to_start_says_why_in_one_line()
    {
        var failing = new DelegateSetup(host => host.ConfigureTestServices(services => services.AddHostedService<UnreachableDatabase>()));

        var start = () => HostedService.StartAsync(Shouting, [failing]);

        (await start.Should().ThrowAsync<HostingFailedException>()).Which.Message.Should().Be(
            "The service SampleService did not start: The orders database cannot be reached. Check the connection string.");
    }

    [Fact]
    public async Task What_the_service_logs_while_a_scenario_runs_is_shown_under_a_heading()
    {
        await using var service = await HostedService.StartAsync(Shouting, []);
        var mark = service.Log.Mark;

        await Shout.RoundTripAsync(service.WebSocketUrl, "careful");

        var shown = LogLines.Since(service.Log, mark);
        shown.Should().StartWith("The service logged 1 line while this scenario ran (a scenario running at the same time may have caused it):");
        shown.Should().MatchRegex(@"\n\d\d:\d\d:\d\d\.\d{3} info SampleService\.Shout: Shouting back careful$");
    }

    [Fact]
    public async Task Nothing_is_shown_when_the_service_logged_nothing_since_the_scenario_began()
    {
        await using var service = await HostedService.StartAsync(Shouting, []);

        LogLines.Since(service.Log, service.Log.Mark).Should().BeNull();
    }

    [Fact]
    public void The_log_keeps_only_its_latest_lines()
    {
        var log = new CapturedLog();
        var logger = log.CreateLogger("Busy");
        for (var i = 0; i < CapturedLog.Capacity + 10; i++)
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "line {Number}", i);
        }

        var kept = log.Since(0);
        kept.Should().HaveCount(CapturedLog.Capacity);
        kept[0].Should().EndWith("warn Busy: line 10");
    }

    [Fact]
    public void A_setup_without_a_constructor_a_run_can_call_is_named()
    {
        var find = () => ServiceSetups.In(typeof(HostedServiceTests).Assembly);

        find.Should().Throw<HostingFailedException>().WithMessage(
            "The service setup DelegateSetup cannot be made: give it a constructor without parameters.");
    }

    private static async Task<JsonNode> AboutAsync(HostedService service)
    {
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        return (await http.GetFromJsonAsync<JsonNode>("/about", TestContext.Current.CancellationToken))!;
    }
}
