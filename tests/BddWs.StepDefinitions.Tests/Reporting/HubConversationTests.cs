using BddWs.Driver;
using BddWs.Driver.Http;
using BddWs.Driver.Hubs;
using BddWs.ReqnrollPlugin.Reporting;
using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests.Reporting;

/// <summary>A hub connection's conversation reads in the hub's words: invocations, client methods, completions, items, pings folded.</summary>
public sealed class HubConversationTests
{
    [Fact]
    public async Task Invocations_client_methods_completions_and_stream_items_read_as_the_hub_speaks()
    {
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");
        // Each call waits for its answers, so the lines come in one order however fast the machine.
        await steps.HubInvocation.Invoke(I, HubCall.Parse("SendMessage(\"Alice\", \"hi\")"));
        await steps.ReceivedAsync(I, 2);
        await steps.HubInvocation.Invoke(I, HubCall.Parse("Divide(1, 0)"));
        await steps.ReceivedAsync(I, 3);
        await steps.HubStream.Stream(I, HubCall.Parse("Countdown(2, 0)"));
        await steps.ReceivedAsync(I, 6);
        await steps.HubStream.StreamTo(I, new HubValueList([1, 2, 3]), "Sum");
        await steps.ReceivedAsync(I, 7);

        var lines = new Conversation().NewLines(steps.Connections.All).Select(WithoutTimes).ToList();

        lines[0].Should().StartWith("open ws://").And.Contain("/hubs/chat?id=");
        lines.Skip(1).Should().Equal(
            "→ handshake json 1",
            "← handshake ok",
            "→ invoke SendMessage(\"Alice\", \"hi\") #1",
            "← ReceiveMessage(\"Alice\", \"hi\")",
            "← completion #1: null",
            "→ invoke Divide(1, 0) #2",
            "← completion #2 failed: An unexpected error occurred invoking 'Divide' on the server. HubException: cannot divide by zero",
            "→ stream Countdown(2, 0) #3",
            "← item #3: 2",
            "← item #3: 1",
            "← completion #3",
            "→ invoke Sum() #4 with stream #5",
            "→ item #5: 1",
            "→ item #5: 2",
            "→ item #5: 3",
            "→ completion #5",
            "← completion #4: 6");
    }

    [Fact]
    public async Task The_hubs_questions_are_answered_as_given_and_read_as_questions_and_answers()
    {
        await using var steps = await ScriptedHubAsync(async socket =>
        {
            await ScriptedHub.AcceptHandshakeAsync(socket);
            await ScriptedServer.SendTextAsync(socket,
                "{\"type\":1,\"invocationId\":\"7\",\"target\":\"GetName\",\"arguments\":[\"hello\"]}\u001e" +
                "{\"type\":1,\"invocationId\":\"8\",\"target\":\"ConfirmOrder\",\"arguments\":[42]}\u001e" +
                "{\"type\":1,\"invocationId\":\"9\",\"target\":\"GetAge\",\"arguments\":[]}\u001e");
            // Each answer, in the order the questions came: the script passes each on as a call, so the test sees them.
            for (var i = 0; i < 3; i++)
            {
                var answer = (await ScriptedServer.ReceiveTextAsync(socket))!.TrimEnd('\u001e');
                await ScriptedServer.SendTextAsync(socket, $"{{\"type\":1,\"target\":\"Heard\",\"arguments\":[{answer}]}}\u001e");
            }

            await ScriptedServer.ReceiveTextAsync(socket);
        });
        // Given before connecting: the questions come right after the hub handshake.
        steps.HubQuestion.Answers(I, "GetName", HubAnswer.Parse("\"ada\""));
        // A method named in quotes is the same method.
        steps.HubQuestion.Answers(I, "\"ConfirmOrder\"", HubAnswer.Parse("the error \"out of stock\""));
        await steps.HubConnecting.ConnectTo(I, "/hub");
        await steps.ReceivedAsync(I, 6);
        await steps.HubQuestion.WasAsked(I, HubCall.Parse("ConfirmOrder(42)"));

        var lines = new Conversation().NewLines(steps.Connections.All).Select(WithoutTimes).ToList();

        // Each answer is recorded the moment its question is, before the next record of the frame.
        lines.Skip(3).Should().Equal(
            "← question GetName(\"hello\") #7",
            "→ answer #7: \"ada\"",
            "← question ConfirmOrder(42) #8",
            "→ answer #8 failed: out of stock",
            "← question GetAge() #9",
            "→ answer #9 failed: Client didn't provide a result.",
            "← Heard({\"type\":3,\"invocationId\":\"7\",\"result\":\"ada\"})",
            "← Heard({\"type\":3,\"invocationId\":\"8\",\"error\":\"out of stock\"})",
            "← Heard({\"type\":3,\"invocationId\":\"9\",\"error\":\"Client didn't provide a result.\"})");
    }

    [Fact]
    public async Task A_cancelled_stream_ends_with_its_completion()
    {
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");
        await steps.HubStream.Stream(I, HubCall.Parse("Countdown(10000, 20)"));
        await steps.ReceivedAsync(I, 1);
        await steps.HubStream.Cancel();
        var stream = steps.Hubs.Last(stream: true);

        var outcome = await steps.Connections.Default.WaitForAsync(HubExpect.Completion(stream), Patience.MustHappen);

        outcome.Verdict.Should().Be(Verdict.Met, outcome.Explain());
        HubExpect.ItemsIn(outcome.Events, stream).Count.Should().BeLessThan(10000);
        new Conversation().NewLines(steps.Connections.All).Select(WithoutTimes).Should().Contain("→ cancel #1");
    }

    [Fact]
    public async Task Pings_in_a_row_fold_into_one_line_and_the_access_token_is_masked()
    {
        await using var hub = await ScriptedHub.StartAsync(async socket =>
        {
            await ScriptedHub.AcceptHandshakeAsync(socket);
            await ScriptedServer.SendTextAsync(socket, "{\"type\":6}\u001e{\"type\":6}\u001e");
            await ScriptedServer.SendTextAsync(socket, "{\"type\":6}\u001e{\"type\":1,\"target\":\"Tick\",\"arguments\":[1]}\u001e{\"type\":6}\u001e");
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        var settings = new SuiteSettings(hub.Url, StepHarness.Timeout, Patience.MustHappen);
        var server = new ServerUnderTest(settings);
        await server.StartAsync();
        using var transport = new HttpTransport(settings);
        await using var connections = new ScenarioConnections(server, settings);
        using var hubs = new ScenarioHubs(connections, transport, settings);
        var connection = await hubs.ConnectAsync("Bob", "/hub", "t-42");
        (await connection.Session.WaitForAsync(Expect.MessageCount(1), Patience.MustHappen)).Verdict.Should().Be(Verdict.Met);
        await connection.Session.Log.WaitUntilAsync(events => events.ReceivedMessages().Count == 6, Patience.MustHappen, TestContext.Current.CancellationToken);

        var lines = new Conversation().NewLines(connections.All).Select(WithoutTimes).ToList();

        lines.Should().Equal(
            $"Bob: open {hub.Url}?id=t-1&access_token=***",
            "Bob: → handshake json 1",
            "Bob: ← handshake ok",
            "Bob: ← 3 pings",
            "Bob: ← Tick(1)",
            "Bob: ← ping");
    }

    private static string WithoutTimes(string line) => System.Text.RegularExpressions.Regex.Replace(line, @" \(\+[^)]*\)$", "");
}
