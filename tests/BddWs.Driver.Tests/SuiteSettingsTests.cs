using BddWs.Driver;
using FluentAssertions;
using Xunit;

using BddWs.Driver.Tests.Helpers;

namespace BddWs.Driver.Tests;

public sealed class SuiteSettingsTests
{
    [Fact]
    public void Defaults_target_the_embedded_server_with_a_two_second_timeout()
    {
        var settings = SuiteSettings.From(_ => null);

        settings.ServerUrl.Should().BeNull();
        settings.Timeout.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("localhost:8765/ws")]
    [InlineData("http://127.0.0.1:8765/ws")]
    [InlineData("ws://")]
    public void An_invalid_server_url_names_the_setting(string value)
    {
        var read = () => SuiteSettings.From(name => name == SuiteSettings.ServerUrlVariable ? value : null);

        read.Should().Throw<InvalidOperationException>().WithMessage(
            $"BDDWS_SERVER_URL must be a ws:// or wss:// URL such as ws://127.0.0.1:8765/ws, but it is \"{value}\".");
    }

    [Fact]
    public void An_invalid_timeout_names_the_setting()
    {
        var read = () => SuiteSettings.From(name => name == SuiteSettings.TimeoutVariable ? "soon" : null);

        read.Should().Throw<InvalidOperationException>().WithMessage("BDDWS_TIMEOUT_MS must be a whole number of milliseconds above 0, but it is \"soon\".");
    }

    [Fact]
    public void The_message_size_limit_is_16_MiB_unless_set()
    {
        SuiteSettings.From(_ => null).MaxMessageBytes.Should().Be(16 * 1024 * 1024);
        SuiteSettings.From(name => name == SuiteSettings.MaxMessageBytesVariable ? "1048576" : null).MaxMessageBytes.Should().Be(1024 * 1024);
    }

    [Theory]
    [InlineData("16MB")]
    [InlineData("0")]
    [InlineData("-1")]
    public void An_invalid_message_size_limit_names_the_setting(string value)
    {
        var read = () => SuiteSettings.From(name => name == SuiteSettings.MaxMessageBytesVariable ? value : null);

        read.Should().Throw<InvalidOperationException>().WithMessage(
            $"BDDWS_MAX_MESSAGE_BYTES must be a whole number of bytes above 0, such as 16777216 (16 MiB), but it is \"{value}\".");
    }
}
