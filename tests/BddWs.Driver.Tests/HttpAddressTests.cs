using BddWs.Driver.Http;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests;

/// <summary>Where an HTTP path goes: the host of the server under test, or BDDWS_HTTP_URL with its prefix.</summary>
public sealed class HttpAddressTests
{
    [Theory]
    [InlineData("ws://127.0.0.1:8765/ws", null, "/api/orders?x=1", "http://127.0.0.1:8765/api/orders?x=1")]
    [InlineData("wss://example.com:8443/ws", null, "/health", "https://example.com:8443/health")]
    [InlineData("ws://127.0.0.1:8765/ws", "http://gateway:5000", "/api/orders", "http://gateway:5000/api/orders")]
    [InlineData("ws://127.0.0.1:8765/ws", "https://gateway/v1/", "/api/orders", "https://gateway/v1/api/orders")]
    [InlineData("ws://127.0.0.1:8765/ws", "http://gateway/v1", "https://other.example/login", "https://other.example/login")]
    public void A_path_goes_to_the_server_under_test_or_after_the_http_setting(string server, string? http, string target, string expected)
    {
        var settings = SuiteSettings.From(name => name switch
        {
            SuiteSettings.ServerUrlVariable => server,
            SuiteSettings.HttpUrlVariable => http,
            _ => null,
        });
        var underTest = new ServerUnderTest(settings);
        underTest.Use(new Uri(server));

        HttpAddress.Resolve(target, settings, underTest).ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("ws://127.0.0.1:8765")]
    [InlineData("localhost:5000")]
    public void An_invalid_http_url_names_the_setting(string value)
    {
        var read = () => SuiteSettings.From(name => name == SuiteSettings.HttpUrlVariable ? value : null);

        read.Should().Throw<InvalidOperationException>().WithMessage(
            $"BDDWS_HTTP_URL must be an http:// or https:// URL such as http://127.0.0.1:5000, but it is \"{value}\".");
    }
}
