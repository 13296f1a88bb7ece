using FluentAssertions;
using Xunit;
using static BddWs.Tests.Steps.StepHarness;

namespace BddWs.Tests.Steps;

/// <summary>What a feature writer gets wrong is answered with a clear error, not a crash deep inside.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("htp://example.com/ws", "\"htp://example.com/ws\" is neither a path on the server under test (such as /chat) nor a ws:// or wss:// URL.")]
    [InlineData("chat", "\"chat\" is neither a path on the server under test (such as /chat) nor a ws:// or wss:// URL.")]
    public async Task An_invalid_url_in_a_feature_names_itself(string written, string message)
    {
        await using var steps = await StartAsync(_ => Task.CompletedTask);

        (await FailureOf(() => steps.Connecting.ConnectTo(I, written))).Should().Be(message);
    }

    [Fact]
    public async Task A_close_status_that_is_not_one_lists_the_names()
    {
        var failure = FailureOf(() => new Specs.StepDefinitions.ParameterTypes().CloseStatus("Goodbye"));

        failure.Should().StartWith("\"Goodbye\" is not a close status; use a number (1000, or 3000-4999 for your own) or one of: 1000 NormalClosure, 1001 GoingAway");
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("0th")]
    [InlineData("00th")]
    public void A_position_before_the_first_says_where_counting_starts(string written)
    {
        FailureOf(() => new Specs.StepDefinitions.ParameterTypes().Ordinal(written)).Should().Be(
            $"\"{written}\" is not a position: messages are counted from the first (1st).");
    }

    [Fact]
    public async Task A_missing_environment_variable_in_a_header_is_named()
    {
        await using var steps = await StartAsync(_ => Task.CompletedTask);

        FailureOf(() => steps.Connecting.RequestHeader("Authorization", "Bearer ${BDDWS_NO_SUCH_VARIABLE}")).Should().Be(
            "The environment variable BDDWS_NO_SUCH_VARIABLE, used as ${BDDWS_NO_SUCH_VARIABLE} in a step, is not set.");
    }

    [Fact]
    public async Task A_step_on_a_connection_never_opened_says_how_to_open_it()
    {
        await using var steps = await StartAsync(_ => Task.CompletedTask);

        (await FailureOf(() => steps.Sending.SendText(new("Carol"), "hi"))).Should().Be(
            "The connection \"Carol\" has not been opened in this scenario; open it with a \"connected\" step first.");
    }
}
