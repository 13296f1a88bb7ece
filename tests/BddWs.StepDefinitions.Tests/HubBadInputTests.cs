using BddWs.StepDefinitions.Tests.Helpers;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>What a feature writes wrongly in a hub sentence is refused in one line saying how to write it.</summary>
public sealed class HubBadInputTests
{
    private readonly HubParameterTypes _types = new();

    [Fact]
    public void A_call_whose_arguments_are_not_json_values_says_how_to_write_them()
    {
        FailureOf(() => _types.Call("SendMessage(Alice, hi)")).Should().Be(
            "The arguments of SendMessage (Alice, hi) are not JSON values separated by commas (write text in double quotes, as in \"Alice\", 2, true).");
        FailureOf(() => _types.Call("(1, 2)")).Should().Be(
            "(1, 2) is not a method call; write the method and its arguments as JSON values, as in SendMessage(\"Alice\", \"hi\").");
    }

    [Fact]
    public void A_result_or_a_list_that_is_not_json_says_so()
    {
        FailureOf(() => _types.Value("ada")).Should().Be("ada is not a JSON value (write text in double quotes, as in \"ada\").");
        FailureOf(() => _types.Values("1, two and 3")).Should().Be(
            "The values (1, two and 3) are not JSON values separated by commas (write text in double quotes, as in \"Alice\", 2, true).");
        _types.Values("3, 2 and 1").Values.Select(v => (int)v!).Should().Equal(3, 2, 1);
        _types.Values("\"salt and pepper\" and \"x\"").Values.Select(v => (string)v!).Should().Equal("salt and pepper", "x");
        _types.Values("nothing").Values.Should().BeEmpty();
    }

    [Fact]
    public void An_answer_that_is_neither_json_nor_a_quoted_error_says_how_to_write_it()
    {
        FailureOf(() => _types.Answer("yes")).Should().Be(
            "yes is not an answer; write a JSON value (text in double quotes, as in \"ada\"), or the error \"…\".");
        FailureOf(() => _types.Answer("the error out of stock")).Should().Be(
            "the error out of stock is not an error to answer with; write the error's text in double quotes, as in the error \"out of stock\".");
        _types.Answer("true").Result!.GetValue<bool>().Should().BeTrue();
        _types.Answer("the error \"out of stock\"").Error.Should().Be("out of stock");
    }

    [Fact]
    public async Task Invocation_sentences_before_any_invocation_and_on_a_plain_connection_say_what_to_do_first()
    {
        await using var steps = await ConnectedAsync(text => [text]);

        (await FailureOf(() => steps.HubInvocation.Returns(new HubValue(5)))).Should().Be(
            "No hub method has been invoked in this scenario; invoke one first (When I invoke Add(2, 3)).");
        (await FailureOf(() => steps.HubStream.FailsWith("x"))).Should().Be(
            "No stream has been started in this scenario; start one with a \"stream\" step first (When I stream Countdown(3, 10)).");
        (await FailureOf(() => steps.HubInvocation.Invoke(I, BddWs.Driver.Hubs.HubCall.Parse("Add(2, 3)")))).Should().Be(
            "The connection is not connected to a hub; open it with a \"connected to the hub\" step first.");
    }
}
