using BddWs.StepDefinitions;
using BddWs.Testing;
using FluentAssertions;
using Reqnroll;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>Each receiving step, in front of a server that answers wrongly: it fails, saying what it expected, how long it waited, what arrived.</summary>
public sealed class ReceivingStepFailureTests
{
    private static readonly ConnectionName Bob = new("Bob");

    [Fact]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.MessageContaining))]
    public async Task A_message_containing_fails_when_the_reply_differs()
    {
        await using var steps = await ConnectedAsync(_ => ["Message text was: Goodbye"]);
        await steps.Sending.SendText(I, "Hello");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.Receiving.MessageContaining(I, "Hello"))).Should().Be(
            "Expected a message containing \"Hello\" within 300 ms, but received 1 message: [1] \"Message text was: Goodbye\". Connection: open.");
        // "within 50 ms" names the deadline the failure reports, in place of the suite's timeout.
        (await FailureOf(() => steps.Receiving.MessageContaining(I, "Hello", new ParameterTypes().WithinTime(" within 50 ms")))).Should().Be(
            "Expected a message containing \"Hello\" within 50 ms, but received 1 message: [1] \"Message text was: Goodbye\". Connection: open.");
    }

    [Fact]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.MessageEqualTo))]
    public async Task The_message_fails_when_it_only_contains_the_text()
    {
        await using var steps = await ConnectedAsync(text => [text + "!"]);
        await steps.Sending.SendText(I, "Hi");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.Receiving.MessageEqualTo(I, "Hi"))).Should().Be(
            "Expected a message equal to \"Hi\" within 300 ms, but received 1 message: [1] \"Hi!\"; " +
            "[1] first differs at character 3: expected the end of the text, received \"!\". Connection: open.");
        (await FailureOf(() => steps.Receiving.MessageEqualTo(I, "Hi", TimeSpan.FromMilliseconds(20)))).Should()
            .StartWith("Expected a message equal to \"Hi\" within 20 ms");
    }

    [Fact]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.MessageMatching))]
    public async Task A_message_matching_fails_when_none_matches()
    {
        await using var steps = await ConnectedAsync(_ => ["id=abc"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.Receiving.MessageMatching(I, @"^id=\d+$"))).Should().Be(
            "Expected a message matching /^id=\\d+$/ within 300 ms, but received 1 message: [1] \"id=abc\". Connection: open.");
        (await FailureOf(() => steps.Receiving.MessageMatching(I, "[", TimeSpan.FromMilliseconds(20)))).Should()
            .StartWith("\"[\" is not a valid regular expression");
    }

    [Fact]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.ExactCount))]
    public async Task Exactly_n_messages_fails_as_soon_as_too_many_arrive_and_when_too_few_do()
    {
        await using var steps = await ConnectedAsync(text => [text, text]);
        await steps.Sending.SendText(I, "Hi");
        await steps.ReceivedAsync(I, 2);
        await steps.Receiving.ExactCount(I, 2);

        (await FailureOf(() => steps.Receiving.ExactCount(I, 1))).Should().MatchRegex(
            @"^Expected exactly 1 message \(decided after \d+ ms of 300 ms\), but received 2 messages: \[1\] ""Hi"" \[2\] ""Hi""\. Connection: open\.$");
        (await FailureOf(() => steps.Receiving.ExactCount(I, 3, TimeSpan.FromMilliseconds(50)))).Should().Be(
            "Expected exactly 3 messages within 50 ms, but received 2 messages: [1] \"Hi\" [2] \"Hi\". Connection: open.");
    }

    [Fact]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.InOrder))]
    public async Task These_messages_in_order_fails_when_the_order_differs()
    {
        var replies = new Queue<string[]>([["two"], ["one"]]);
        await using var steps = await ConnectedAsync(_ => replies.Dequeue());
        await steps.Sending.SendText(I, "a");
        await steps.Sending.SendText(I, "b");
        await steps.ReceivedAsync(I, 2);
        var table = new DataTable("message");
        table.AddRow("one");
        table.AddRow("two");

        (await FailureOf(() => steps.Receiving.InOrder(I, default, table))).Should().MatchRegex(
            @"^Expected these messages in order: \[1\] equal to ""one"", \[2\] equal to ""two"" \(decided after \d+ ms of 300 ms\), but received 2 messages: \[1\] ""two"" \[2\] ""one""; " +
            @"row 1 wants a message equal to ""one"": \[1\] is not, \[2\] is\. Connection: open\.$");
    }

    [Fact]
    public async Task These_messages_in_order_names_the_headers_it_understands()
    {
        await using var steps = await ConnectedAsync(_ => []);

        (await FailureOf(() => steps.Receiving.InOrder(I, default, new DataTable("text")))).Should().Be(
            "The table needs one column, headed \"message\" (each message equals its row) or \"containing\" (each contains it); it has: text.");
    }

    [Fact]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.NoMessage))]
    public async Task No_message_fails_when_a_reply_arrives()
    {
        await using var steps = await ConnectedAsync(text => [$"unwanted {text}"]);
        await steps.Sending.SendText(I, "ping");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.Receiving.NoMessage(I, TimeSpan.FromMilliseconds(500)))).Should().MatchRegex(
            @"^Expected no message after the last message sent \(decided after \d+ ms of 500 ms\), but received 1 message: \[1\] ""unwanted ping""\. Connection: open\.$");
    }

    [Fact]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.ReplyWithin))]
    public async Task A_reply_within_fails_when_the_reply_is_late_or_missing()
    {
        // The server answers only when the test lets it: after the step has failed, so late by construction.
        var answer = new TaskCompletionSource();
        await using var steps = await StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await answer.Task;
            await ScriptedServer.SendTextAsync(socket, "late");
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        await steps.Connecting.ConnectToEcho(I);

        (await FailureOf(() => steps.Receiving.ReplyWithin(I, TimeSpan.FromMilliseconds(50)))).Should().Be(
            "Expected a reply within 50 ms, but nothing was sent on this connection yet.");
        await steps.Sending.SendText(I, "now");
        (await FailureOf(() => steps.Receiving.ReplyWithin(I, TimeSpan.FromMilliseconds(50)))).Should().Be(
            "Expected a reply within 50 ms of the last message sent, but received no message. Connection: open.");
        answer.SetResult();
        await steps.ReceivedAsync(I, 1);
        (await FailureOf(() => steps.Receiving.ReplyWithin(I, TimeSpan.FromMilliseconds(50)))).Should().Be(
            "Expected a reply within 50 ms of the last message sent, but received 1 message: [1] \"late\". Connection: open.");
    }

    [Fact]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.NthContains))]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.NthIs))]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.NthToContains))]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.NthToIs))]
    public async Task The_nth_message_fails_when_another_message_stands_there()
    {
        var replies = new Queue<string[]>([["second"], ["first"]]);
        await using var steps = await ConnectedAsync(_ => replies.Dequeue());
        await steps.Connecting.ConnectTo(Bob, steps.Url.ToString());
        await steps.Sending.SendText(I, "one");
        await steps.Sending.SendText(I, "two");
        await steps.ReceivedAsync(I, 2);

        (await FailureOf(() => steps.Receiving.NthContains(1, "first"))).Should().MatchRegex(
            @"^Expected message 1 containing ""first"" \(decided after \d+ ms of 300 ms\), but received 2 messages: \[1\] ""second"" \[2\] ""first""\. Connection: open\.$");
        (await FailureOf(() => steps.Receiving.NthIs(2, "firs"))).Should().StartWith("Expected message 2 equal to \"firs\"");
        (await FailureOf(() => steps.Receiving.NthToContains(1, Bob, "first"))).Should().Be(
            "Expected message 1 containing \"first\" on \"Bob\" within 300 ms, but received no message. Connection: open.");
        (await FailureOf(() => steps.Receiving.NthToIs(3, Bob, "first"))).Should().StartWith("Expected message 3 equal to \"first\" on \"Bob\" within 300 ms");
    }

    [Fact]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.NextContains))]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.NextIs))]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.NextToContains))]
    [Fails(typeof(ReceivingSteps), nameof(ReceivingSteps.NextToIs))]
    public async Task The_next_message_walks_through_the_messages_and_fails_on_the_wrong_one()
    {
        await using var steps = await ConnectedAsync(text => [text]);
        await steps.Connecting.ConnectTo(Bob, steps.Url.ToString());
        await steps.Sending.SendText(I, "a");
        await steps.Sending.SendText(I, "b");
        await steps.ReceivedAsync(I, 2);

        await steps.Receiving.NextIs("a");
        (await FailureOf(() => steps.Receiving.NextContains("a"))).Should().MatchRegex(
            @"^Expected the next message \(message 2\) containing ""a"" \(decided after \d+ ms of 300 ms\), but received 2 messages: \[1\] ""a"" \[2\] ""b""\. Connection: open\.$");
        (await FailureOf(() => steps.Receiving.NextIs("c"))).Should().StartWith("Expected the next message (message 2) equal to \"c\"");
        (await FailureOf(() => steps.Receiving.NextToContains(Bob, "a"))).Should().StartWith(
            "Expected the next message (message 1) containing \"a\" on \"Bob\" within 300 ms, but received no message.");
        (await FailureOf(() => steps.Receiving.NextToIs(Bob, "a"))).Should().StartWith("Expected the next message (message 1) equal to \"a\" on \"Bob\"");
    }
}
