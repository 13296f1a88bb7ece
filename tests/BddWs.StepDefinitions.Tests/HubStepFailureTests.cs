using BddWs.Driver.Hubs;
using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// The SignalR hub sentences in front of the bundled server's real hubs (Microsoft's SignalR), which are
/// asked for something other than what the step expects. Each test first waits for what the hub sends,
/// so the step's message is the same on a fast machine and a slow one.
/// </summary>
public sealed class HubStepFailureTests
{
    private static readonly ConnectionName Alice = new("Alice");
    private static readonly ConnectionName Bob = new("Bob");

    [Fact]
    [Fails(typeof(HubInvocationSteps), nameof(HubInvocationSteps.Returns))]
    [Fails(typeof(HubInvocationSteps), nameof(HubInvocationSteps.FailsWith))]
    public async Task An_invocation_that_returns_something_else_says_what_it_returned()
    {
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");
        await steps.HubInvocation.Invoke(I, HubCall.Parse("Add(2, 3)"));
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.HubInvocation.Returns(new HubValue(6)))).Should().Be(
            "Expected the invocation Add(2, 3) #1 to return 6, but it returned 5.");
        (await FailureOf(() => steps.HubInvocation.FailsWith("cannot add"))).Should().Be(
            "Expected the invocation Add(2, 3) #1 to fail with \"cannot add\", but it returned 5.");

        await steps.HubInvocation.Invoke(I, HubCall.Parse("Divide(1, 0)"));
        await steps.ReceivedAsync(I, 2);
        (await FailureOf(() => steps.HubInvocation.Returns(new HubValue(0)))).Should().Be(
            "Expected the invocation Divide(1, 0) #2 to return 0, but it failed: " +
            "An unexpected error occurred invoking 'Divide' on the server. HubException: cannot divide by zero.");
    }

    [Fact]
    [Fails(typeof(HubInvocationSteps), nameof(HubInvocationSteps.ReturnsDocument))]
    public async Task An_invocation_returning_another_document_names_where_it_differs()
    {
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(Alice, "/hubs/chat");
        await steps.HubInvocation.Invoke(Alice, HubCall.Parse("JoinGroup(\"red\", \"ada\")"));
        await steps.HubInvocation.Invoke(Alice, HubCall.Parse("GetRoom(\"red\")"));
        await steps.ReceivedAsync(Alice, 3);

        (await FailureOf(() => steps.HubInvocation.ReturnsDocument(default, "{ \"name\": \"red\", \"members\": [\"ada\", \"grace\"] }"))).Should().Be(
            "Expected the invocation GetRoom(\"red\") #2 of \"Alice\" to return {\"name\":\"red\",\"members\":[\"ada\",\"grace\"]}, " +
            "but it returned {\"name\":\"red\",\"members\":[\"ada\"]}; it differs: $.members has 1 element, expected 2.");
    }

    [Fact]
    [Fails(typeof(HubMessageSteps), nameof(HubMessageSteps.Receives))]
    [Fails(typeof(HubMessageSteps), nameof(HubMessageSteps.DoesNotReceive))]
    [Fails(typeof(HubMessageSteps), nameof(HubMessageSteps.ReceivesCallWhere))]
    public async Task A_client_method_call_that_did_not_come_lists_the_calls_that_did()
    {
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(Alice, "/hubs/chat");
        await steps.HubConnecting.ConnectTo(Bob, "/hubs/chat");
        await steps.HubInvocation.Invoke(Alice, HubCall.Parse("SendMessage(\"Alice\", \"hello\")"));
        await steps.ReceivedAsync(Bob, 1);

        (await FailureOf(() => steps.HubMessage.Receives(Bob, HubCall.Parse("ReceiveMessage(\"Alice\", \"hi\")")))).Should().Be(
            "Expected a call ReceiveMessage(\"Alice\", \"hi\") on \"Bob\" within 300 ms, but received 1 hub message: [1] ReceiveMessage(\"Alice\", \"hello\"). Connection: open.");
        (await FailureOf(() => steps.HubMessage.Receives(Bob, HubCall.Parse("UserJoined(\"Alice\", \"red\")"), TimeSpan.FromMilliseconds(20)))).Should().Be(
            "Expected a call UserJoined(\"Alice\", \"red\") on \"Bob\" within 20 ms, but received 1 hub message: [1] ReceiveMessage(\"Alice\", \"hello\"). Connection: open.");
        (await FailureOf(() => steps.HubMessage.DoesNotReceive(Bob, HubCall.Parse("ReceiveMessage(\"Alice\", \"hello\")"), TimeSpan.FromMilliseconds(200)))).Should().Be(
            "Expected no call ReceiveMessage(\"Alice\", \"hello\") on \"Bob\" (decided after 0 ms of 200 ms), but received 1 hub message: [1] ReceiveMessage(\"Alice\", \"hello\"). Connection: open.");
        (await FailureOf(() => steps.HubMessage.ReceivesCallWhere(Bob, default, "ReceiveMessage", Table(("$[1]", "hi"))))).Should().Be(
            "Expected a call to ReceiveMessage where $[1] is \"hi\" on \"Bob\" within 300 ms, but received 1 hub message: [1] ReceiveMessage(\"Alice\", \"hello\"). Connection: open.");
    }

    [Fact]
    [Fails(typeof(HubStreamSteps), nameof(HubStreamSteps.YieldsAndCompletes))]
    [Fails(typeof(HubStreamSteps), nameof(HubStreamSteps.FailsWith))]
    public async Task A_stream_that_yields_something_else_says_what_it_yielded_and_how_it_ended()
    {
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");
        await steps.HubStream.Stream(I, HubCall.Parse("Countdown(3, 0)"));
        await steps.ReceivedAsync(I, 4);

        (await FailureOf(() => steps.HubStream.YieldsAndCompletes(new HubValueList([3, 2])))).Should().Be(
            "Expected the stream Countdown(3, 0) #1 to yield 3 and 2 and complete, but it yielded 3, 2 and 1 and completed.");
        (await FailureOf(() => steps.HubStream.FailsWith("negative"))).Should().Be(
            "Expected the stream Countdown(3, 0) #1 to fail with \"negative\", but it yielded 3, 2 and 1 and completed.");

        await steps.HubStream.Stream(I, HubCall.Parse("Countdown(-1, 0)"));
        await steps.ReceivedAsync(I, 5);
        (await FailureOf(() => steps.HubStream.YieldsAndCompletes(new HubValueList([])))).Should().Be(
            "Expected the stream Countdown(-1, 0) #2 to yield nothing and complete, but it yielded nothing and failed: " +
            "An error occurred on the server while streaming results. HubException: cannot count down from a negative number.");
    }

    [Fact]
    [Fails(typeof(HubConnectingSteps), nameof(HubConnectingSteps.ConnectingFails))]
    [Fails(typeof(HubConnectingSteps), nameof(HubConnectingSteps.ConnectingFailsWith))]
    public async Task Connecting_to_a_hub_that_lets_one_in_or_refuses_otherwise_says_so()
    {
        await using var steps = await BundledAsync();

        (await FailureOf(() => steps.HubConnecting.ConnectingFails("/hubs/chat"))).Should().Be(
            "Expected connecting to the hub \"/hubs/chat\" to fail, but it opened.");
        var http = new UriBuilder(steps.Url) { Scheme = "http", Path = "/hubs/orders/negotiate", Query = "negotiateVersion=1" }.Uri;
        (await FailureOf(() => steps.HubConnecting.ConnectingFailsWith("/hubs/orders", default, "HTTP 403"))).Should().Be(
            $"Expected connecting to the hub \"/hubs/orders\" to fail with \"HTTP 403\", but it failed otherwise: " +
            $"the negotiation (POST {http}) was answered with HTTP 401 (credentials missing or rejected).");
    }

    [Fact]
    [Fails(typeof(HubMessageSteps), nameof(HubMessageSteps.ClosesWithError))]
    public async Task A_hub_close_with_another_error_is_listed_with_its_error()
    {
        await using var steps = await BundledAsync(null, "--Limits:MaxMessageBytes=200");
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");
        await steps.HubInvocation.Invoke(I, HubCall.Parse($"SendMessage(\"ada\", \"{new string('x', 300)}\")"));
        await steps.ClosedAsync(I);

        (await FailureOf(() => steps.HubMessage.ClosesWithError("too large"))).Should().Be(
            "Expected the hub to close the connection with the error \"too large\" (decided after 0 ms of 300 ms), but received 1 hub message: " +
            "[1] close: Connection closed with an error (reconnect allowed). Connection: closed by server with 1000 NormalClosure.");
    }

    [Fact]
    [Fails(typeof(HubMessageSteps), nameof(HubMessageSteps.EachReceives))]
    [Fails(typeof(HubMessageSteps), nameof(HubMessageSteps.DoesNotReceiveCallWhere))]
    public async Task Several_connections_name_the_one_that_missed_the_call_and_a_call_that_came_is_listed()
    {
        var carol = new ConnectionName("Carol");
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(Alice, "/hubs/chat");
        await steps.HubConnecting.ConnectTo(Bob, "/hubs/chat");
        await steps.HubInvocation.Invoke(Alice, HubCall.Parse("SendMessage(\"Alice\", \"hello\")"));
        await steps.ReceivedAsync(Bob, 1);
        await steps.ReceivedAsync(Alice, 2);
        // Carol comes after the broadcast: she never hears it.
        await steps.HubConnecting.ConnectTo(carol, "/hubs/chat");

        (await FailureOf(() => steps.HubMessage.EachReceives(new ConnectionNames(["Bob", "Carol"]), HubCall.Parse("ReceiveMessage(\"Alice\", \"hello\")")))).Should().Be(
            "1 of 2 connections did not get what was expected. Expected a call ReceiveMessage(\"Alice\", \"hello\") on \"Carol\" within 300 ms, but received no hub message. Connection: open.");
        (await FailureOf(() => steps.HubMessage.DoesNotReceiveCallWhere(Bob, "ReceiveMessage", TimeSpan.FromMilliseconds(300), Table(("$[1]", "hello"))))).Should().Be(
            "Expected no call to ReceiveMessage where $[1] is \"hello\" on \"Bob\" (decided after 0 ms of 300 ms), but received 1 hub message: [1] ReceiveMessage(\"Alice\", \"hello\"). Connection: open.");
    }

    [Fact]
    [Fails(typeof(HubStreamSteps), nameof(HubStreamSteps.Completes))]
    [Fails(typeof(HubStreamSteps), nameof(HubStreamSteps.WasCancelled))]
    public async Task A_stream_that_failed_or_ended_on_its_own_says_how_it_ended()
    {
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");
        await steps.HubStream.Stream(I, HubCall.Parse("Countdown(2, 0)"));
        await steps.ReceivedAsync(I, 3);

        (await FailureOf(() => steps.HubStream.WasCancelled())).Should().Be(
            "Expected the stream Countdown(2, 0) #1 to be cancelled, but it was never asked to stop; cancel it first (When I cancel the stream).");
        await steps.HubStream.Cancel();
        (await FailureOf(() => steps.HubStream.WasCancelled())).Should().Be(
            "Expected the stream Countdown(2, 0) #1 to be cancelled, but it yielded 2 and 1 and completed before it was asked to stop.");

        await steps.HubStream.Stream(I, HubCall.Parse("Countdown(-1, 0)"));
        await steps.ReceivedAsync(I, 4);
        (await FailureOf(() => steps.HubStream.Completes())).Should().Be(
            "Expected the stream Countdown(-1, 0) #2 to complete, but it yielded nothing and failed: " +
            "An error occurred on the server while streaming results. HubException: cannot count down from a negative number.");
    }

    [Fact]
    [Fails(typeof(HubQuestionSteps), nameof(HubQuestionSteps.WasAsked))]
    public async Task A_question_the_hub_did_not_ask_lists_the_questions_it_did()
    {
        await using var steps = await ScriptedHubAsync(async socket =>
        {
            await ScriptedHub.AcceptHandshakeAsync(socket);
            await ScriptedServer.SendTextAsync(socket, "{\"type\":1,\"invocationId\":\"7\",\"target\":\"GetName\",\"arguments\":[\"hello\"]}\u001e");
            await ScriptedServer.ReceiveTextAsync(socket);
            await ScriptedServer.SendTextAsync(socket, "{\"type\":1,\"target\":\"GetName\",\"arguments\":[\"hi\"]}\u001e");
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        await steps.HubConnecting.ConnectTo(I, "/hub");
        await steps.ReceivedAsync(I, 2);

        (await FailureOf(() => steps.HubQuestion.WasAsked(I, HubCall.Parse("GetName(\"hi\")")))).Should().Be(
            "Expected a question GetName(\"hi\") within 300 ms, but received 2 hub messages: [1] question GetName(\"hello\") #7 [2] GetName(\"hi\"). Connection: open.");
    }

    private static Reqnroll.DataTable Table(params (string Path, string Value)[] rows)
    {
        var table = new Reqnroll.DataTable("path", "value");
        foreach (var (path, value) in rows)
        {
            table.AddRow(path, value);
        }

        return table;
    }
}
