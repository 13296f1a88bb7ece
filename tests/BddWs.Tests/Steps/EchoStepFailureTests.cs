using BddWs.Tests.Fakes;
using FluentAssertions;
using Xunit;

namespace BddWs.Tests.Steps;

/// <summary>
/// Each assertion step of the echo feature, put in front of a server that does the wrong
/// thing: it must fail, saying what it expected, how long it waited and what arrived.
/// </summary>
public sealed class EchoStepFailureTests
{
    [Fact]
    public async Task A_message_containing_fails_when_the_reply_differs()
    {
        await using var server = await ScriptedServer.RepliesAsync(_ => ["Message text was: Goodbye"]);
        await using var steps = await StepHarness.ForAsync(server.Url);
        await steps.Connecting.ConnectToEcho();
        await steps.Sending.SendText("Hello");

        var failure = await FluentActions.Awaiting(() => steps.Receiving.MessageContaining("Hello")).Should().ThrowAsync<Exception>();

        failure.Which.Message.Should().Be(
            "Expected a message containing \"Hello\" within 300 ms, but received 1 message: [1] \"Message text was: Goodbye\". Connection: open.");
    }

    [Fact]
    public async Task Exactly_n_messages_fails_as_soon_as_too_many_arrive()
    {
        await using var server = await ScriptedServer.RepliesAsync(text => [text, text]);
        await using var steps = await StepHarness.ForAsync(server.Url);
        await steps.Connecting.ConnectToEcho();
        await steps.Sending.SendText("Hi");

        var failure = await FluentActions.Awaiting(() => steps.Receiving.ExactCount(1)).Should().ThrowAsync<Exception>();

        failure.Which.Message.Should().StartWith("Expected exactly 1 message (decided after ")
            .And.EndWith("of 300 ms), but received 2 messages: [1] \"Hi\" [2] \"Hi\". Connection: open.");
    }

    [Fact]
    public async Task Exactly_n_messages_fails_when_too_few_arrive_in_time()
    {
        await using var server = await ScriptedServer.RepliesAsync(_ => []);
        await using var steps = await StepHarness.ForAsync(server.Url);
        await steps.Connecting.ConnectToEcho();
        await steps.Sending.SendText("Hi");

        var failure = await FluentActions.Awaiting(() => steps.Receiving.ExactCount(2)).Should().ThrowAsync<Exception>();

        failure.Which.Message.Should().Be("Expected exactly 2 messages within 300 ms, but received no message. Connection: open.");
    }

    [Fact]
    public async Task The_nth_message_contains_fails_when_messages_come_in_another_order()
    {
        var replies = new Queue<string[]>([["second"], ["first"]]);
        await using var server = await ScriptedServer.RepliesAsync(_ => replies.Dequeue());
        await using var steps = await StepHarness.ForAsync(server.Url);
        await steps.Connecting.ConnectToEcho();
        await steps.Sending.SendText("one");
        await steps.Sending.SendText("two");

        var failure = await FluentActions.Awaiting(() => steps.Receiving.MessageAtContaining(1, "first")).Should().ThrowAsync<Exception>();

        failure.Which.Message.Should().StartWith("Expected message 1 to contain \"first\" (decided after ")
            .And.Contain("but received ")
            .And.Contain("[1] \"second\"");
    }

    [Fact]
    public async Task The_server_closes_with_status_fails_when_it_closes_with_another()
    {
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);
        });
        await using var steps = await StepHarness.ForAsync(server.Url);
        await steps.Connecting.ConnectToEcho();
        await steps.Sending.SendText("close");

        var failure = await FluentActions.Awaiting(() => steps.Closing.ServerCloses(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure))
            .Should().ThrowAsync<Exception>();

        failure.Which.Message.Should().StartWith("Expected the server to close the connection with 1000 NormalClosure (decided after ")
            .And.EndWith("but received no message. Connection: closed by server with 1001 EndpointUnavailable \"going away\".");
    }

    [Fact]
    public async Task The_server_closes_with_status_fails_when_it_never_closes()
    {
        await using var server = await ScriptedServer.RepliesAsync(text => [$"Message text was: {text}"]);
        await using var steps = await StepHarness.ForAsync(server.Url);
        await steps.Connecting.ConnectToEcho();
        await steps.Sending.SendText("close");

        var failure = await FluentActions.Awaiting(() => steps.Closing.ServerCloses(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure))
            .Should().ThrowAsync<Exception>();

        failure.Which.Message.Should().Be(
            "Expected the server to close the connection with 1000 NormalClosure within 300 ms, but received 1 message: [1] \"Message text was: close\". Connection: open.");
    }
}
