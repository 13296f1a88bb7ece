using BddWs.Driver.Http;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests;

/// <summary>
/// Named instances of the service: <c>BDDWS_SERVERS</c> read and checked, instances a suite hosts, which
/// wins, and what a scenario is told when it names an instance there is not.
/// </summary>
public sealed class ServiceInstancesTests
{
    private static SuiteSettings Servers(string? value) =>
        SuiteSettings.From(name => name == SuiteSettings.ServersVariable ? value : null);

    [Fact]
    public void The_setting_names_each_instance_with_its_url_in_order()
    {
        var settings = Servers(" a=ws://10.0.0.1:5001/ ; b=wss://node-b.example/ws;");

        settings.Servers.Should().NotBeNull();
        settings.Servers!.Keys.Should().Equal("a", "b");
        settings.Servers["a"].Should().Be(new Uri("ws://10.0.0.1:5001/"));
        settings.Servers["b"].Should().Be(new Uri("wss://node-b.example/ws"));
        new ServiceInstances(settings).Names.Should().Equal("a", "b");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Unset_the_setting_names_no_instance(string? value) => Servers(value).Servers.Should().BeNull();

    [Theory]
    [InlineData("ws://10.0.0.1:5001/", "ws://10.0.0.1:5001/")]
    [InlineData("a=ws://10.0.0.1:5001/;=ws://10.0.0.2:5001/", "=ws://10.0.0.2:5001/")]
    public void An_instance_without_a_name_is_told_as_written(string value, string entry)
    {
        var read = () => Servers(value);

        read.Should().Throw<InvalidOperationException>().WithMessage(
            $"BDDWS_SERVERS must give each instance a name before its URL, as in a=ws://localhost:5001/;b=ws://localhost:5002/, but it has \"{entry}\".");
    }

    [Theory]
    [InlineData("a=http://10.0.0.1:5001/", "http://10.0.0.1:5001/")]
    [InlineData("a=", "")]
    [InlineData("a = localhost:5001", "localhost:5001")]
    public void An_instance_without_a_websocket_url_is_named(string value, string url)
    {
        var read = () => Servers(value);

        read.Should().Throw<InvalidOperationException>().WithMessage(
            $"BDDWS_SERVERS must give each instance a ws:// or wss:// URL, as in a=ws://localhost:5001/;b=ws://localhost:5002/, but the instance \"a\" has \"{url}\".");
    }

    [Fact]
    public void An_instance_named_twice_is_refused()
    {
        var read = () => Servers("a=ws://10.0.0.1:5001/;a=ws://10.0.0.2:5001/");

        read.Should().Throw<InvalidOperationException>().WithMessage(
            "BDDWS_SERVERS names the instance \"a\" twice; name each instance once, as in a=ws://localhost:5001/;b=ws://localhost:5002/.");
    }

    [Fact]
    public void The_setting_wins_over_the_instances_a_suite_hosts()
    {
        var instances = new ServiceInstances(Servers("a=ws://10.0.0.1:5001/;b=ws://10.0.0.2:5001/"));

        instances.Use("a", new Uri("ws://127.0.0.1:40001/ws"));
        instances.Use("c", new Uri("ws://127.0.0.1:40003/ws"));

        instances.Names.Should().Equal("a", "b");
        instances.Resolve("a", "/hubs/chat").Should().Be(new Uri("ws://10.0.0.1:5001/hubs/chat"));
        FluentActions.Invoking(() => instances.BaseUrl("c")).Should().Throw<ArgumentException>()
            .WithMessage("There is no instance \"c\" of the service: the instances are \"a\" and \"b\".");
    }

    [Fact]
    public void Without_the_setting_the_hosted_instances_are_used_by_name()
    {
        var instances = new ServiceInstances(Servers(null));

        instances.Use("a", new Uri("ws://127.0.0.1:40001/ws"));
        instances.Use("b", new Uri("ws://127.0.0.1:40002/ws"));

        instances.Names.Should().Equal("a", "b");
        instances.BaseUrl("b").Should().Be(new Uri("ws://127.0.0.1:40002/ws"));
        instances.Resolve("b", "/chat?room=r").Should().Be(new Uri("ws://127.0.0.1:40002/chat?room=r"));
        instances.Resolve("b", "ws://elsewhere:9/x").Should().Be(new Uri("ws://elsewhere:9/x"));
    }

    [Fact]
    public void An_unknown_instance_names_the_ones_there_are()
    {
        var instances = new ServiceInstances(Servers("a=ws://10.0.0.1:5001/;b=ws://10.0.0.2:5001/;c=ws://10.0.0.3:5001/"));

        FluentActions.Invoking(() => instances.Resolve("d", "/chat")).Should().Throw<ArgumentException>()
            .WithMessage("There is no instance \"d\" of the service: the instances are \"a\", \"b\" and \"c\".");
        FluentActions.Invoking(() => new ServiceInstances(Servers("a=ws://10.0.0.1:5001/")).BaseUrl("b")).Should().Throw<ArgumentException>()
            .WithMessage("There is no instance \"b\" of the service: the instances are \"a\".");
    }

    [Fact]
    public void An_instance_when_none_is_named_says_how_to_name_them()
    {
        var instances = new ServiceInstances(Servers(null));

        // Asked even for a full URL: the sentence named an instance, and there is none.
        FluentActions.Invoking(() => instances.Resolve("b", "ws://10.0.0.2:5001/chat")).Should().Throw<ArgumentException>()
            .WithMessage("There is no instance \"b\" of the service: no instances are named. Set BDDWS_SERVERS, for example a=ws://localhost:5001/;b=ws://localhost:5002/, or have the suite host them.");
    }

    [Fact]
    public void A_path_on_an_instance_must_be_a_path()
    {
        var instances = new ServiceInstances(Servers("a=ws://10.0.0.1:5001/"));

        FluentActions.Invoking(() => instances.Resolve("a", "chat")).Should().Throw<ArgumentException>()
            .WithMessage("\"chat\" is neither a path on the server under test (such as /chat) nor a ws:// or wss:// URL.");
    }

    [Theory]
    [InlineData("ws://10.0.0.2:5001/ws", "/api/orders?x=1", "http://10.0.0.2:5001/api/orders?x=1")]
    [InlineData("wss://node-b.example:8443/", "/health", "https://node-b.example:8443/health")]
    [InlineData("ws://10.0.0.2:5001/ws", "https://other.example/login", "https://other.example/login")]
    public void An_http_path_on_an_instance_goes_to_its_host_whatever_the_http_setting_says(string instance, string target, string expected)
    {
        var settings = SuiteSettings.From(name => name switch
        {
            SuiteSettings.ServersVariable => $"b={instance}",
            SuiteSettings.HttpUrlVariable => "http://gateway/v1",
            _ => null,
        });

        HttpAddress.Resolve(target, new ServiceInstances(settings), "b").ToString().Should().Be(expected);
    }

    [Fact]
    public void A_connection_on_an_instance_is_marked_with_it_and_one_on_the_server_under_test_is_not()
    {
        ServiceInstances.Mark("b").Should().Be("@b");
        ServiceInstances.Mark(null).Should().BeEmpty();
        ServiceInstances.Quoted("Bob", "b").Should().Be("\"Bob\"@b");
        ServiceInstances.Quoted("", "b").Should().Be("@b");
        ServiceInstances.Quoted("Bob", null).Should().Be("\"Bob\"");
        ServiceInstances.Quoted("", null).Should().BeEmpty();
    }
}
