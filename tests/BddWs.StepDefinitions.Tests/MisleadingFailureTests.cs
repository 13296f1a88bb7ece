using System.Net;
using System.Net.Sockets;
using BddWs.Driver.Hubs;
using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Reqnroll;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// Failures that once told the reader something beside the point: each says what the expectation is
/// about, where the wanted message came, how many matched, and reads as one sentence.
/// </summary>
public sealed class MisleadingFailureTests
{
    private static readonly ConnectionName Alice = new("Alice");
    private static readonly ConnectionName Bob = new("Bob");

    [Fact]
    public async Task A_row_of_these_messages_in_order_says_where_its_text_came_instead_of_a_character_diff()
    {
        await using var steps = await ConnectedAsync(_ => ["welcome", "{\"type\":\"tick\"}", "{\"type\":\"tick\"}", "{\"type\":\"bid\"}"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 4);
        var containing = new DataTable("containing");
        containing.AddRow("welcome");
        containing.AddRow("bid");

        (await FailureOf(() => steps.Receiving.InOrder(I, default, containing))).Should().EndWith(
            "; row 2 wants a message containing \"bid\": [2] is not, [4] is. Connection: open.");

        var equal = new DataTable("message");
        equal.AddRow("welcome");
        equal.AddRow("{\"type\":\"bye\"}");
        (await FailureOf(() => steps.Receiving.InOrder(I, default, equal))).Should().EndWith(
            "; row 2 wants a message equal to \"{\"type\":\"bye\"}\": [2] is not, nor is any other message; " +
            "[2] first differs at character 10: expected \"b\", received \"t\". Connection: open.");
    }

    [Fact]
    public async Task Exactly_n_messages_where_says_how_many_matched_and_which()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"bid\"}", "{\"type\":\"tick\"}", "{\"type\":\"bid\"}"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 3);

        (await FailureOf(() => steps.Counting.ExactCountWhere(I, 3, "$.type", "bid", TimeSpan.FromMilliseconds(50)))).Should().Be(
            "Expected exactly 3 messages in JSON where $.type is \"bid\" within 50 ms, but received 3 messages: " +
            "[1] \"{\"type\":\"bid\"}\" [2] \"{\"type\":\"tick\"}\" [3] \"{\"type\":\"bid\"}\"; " +
            "2 messages are in JSON where $.type is \"bid\": [1] and [3]. Connection: open.");
        (await FailureOf(() => steps.Counting.ExactCountMatching(I, 1, "^nothing", TimeSpan.FromMilliseconds(50)))).Should().EndWith(
            "; none is matching /^nothing/. Connection: open.");
    }

    [Fact]
    public async Task A_refused_connection_reads_on_as_a_clause_of_the_failure()
    {
        var port = FreePort();
        await using var steps = await StartAsync(ScriptedServer.Replies(_ => []));
        var nowhere = new Uri($"ws://127.0.0.1:{port}/chat");
        await steps.Connecting.TryConnect(I, nowhere.ToString());

        FailureOf(() => steps.Connecting.FailsWithStatus(403)).Should().Be(
            $"Expected connecting to {nowhere} to fail with HTTP 403, but nothing listened at {nowhere}: connection refused.");
    }

    [Fact]
    public async Task A_long_message_is_shortened_around_the_part_the_failure_is_about()
    {
        var padding = new string('x', 220);
        var message = $"{{\"padding\":\"{padding}\",\"status\":\"late\"}}";
        await using var steps = await ConnectedAsync(_ => [message]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.Counting.ExactCountWhere(I, 1, "$.status", "done", TimeSpan.FromMilliseconds(50)))).Should().Be(
            "Expected exactly 1 message in JSON where $.status is \"done\" within 50 ms, but received 1 message: " +
            $"[1] \"…{padding[..182]}\",\"status\":\"late\"}} ({message.Length} characters)\"; none is in JSON where $.status is \"done\". Connection: open.");
        (await FailureOf(() => steps.Receiving.MessageContaining(I, "\"status\":\"done\"", TimeSpan.FromMilliseconds(50)))).Should().Contain(
            $"[1] \"…{padding[..182]}\",\"status\":\"late\"}} ({message.Length} characters)\"");
    }

    [Fact]
    public async Task A_hub_error_that_ends_with_a_full_stop_ends_the_failure_with_one()
    {
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");
        await steps.HubInvocation.Invoke(I, HubCall.Parse("Fail()"));
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.HubInvocation.Returns(new HubValue(5)))).Should().Be(
            "Expected the invocation Fail() #1 to return 5, but it failed: An unexpected error occurred invoking 'Fail' on the server.");
        (await FailureOf(() => steps.Receiving.ExactCount(I, 2, TimeSpan.FromMilliseconds(50)))).Should().Be(
            "Expected exactly 2 messages within 50 ms, but received 1 hub message: " +
            "[1] completion #1 failed: An unexpected error occurred invoking 'Fail' on the server. Connection: open.");
    }

    [Fact]
    public async Task No_further_message_counts_from_the_last_message_sent_and_names_it()
    {
        await using var steps = await ConnectedAsync(text => text == "quiet" ? [] : text == "go" ? ["again"] : ["answer"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);
        await steps.Sending.SendText(I, "quiet");

        var failing = FailureOf(() => steps.Noise.NoFurtherMessage(I, Patience.MustHappen));
        await steps.Sending.SendText(I, "go");

        (await failing).Should().Be(
            "Expected no further message within 30s of the last message sent, \"quiet\", but received 2 messages: [1] \"answer\" [2] \"again\". Connection: open.");
    }

    [Fact]
    public async Task No_further_message_on_a_hub_connection_lists_hub_messages()
    {
        await using var steps = await BundledAsync();
        await steps.HubConnecting.ConnectTo(Alice, "/hubs/chat");
        await steps.HubConnecting.ConnectTo(Bob, "/hubs/chat");
        await steps.HubInvocation.Invoke(Bob, HubCall.Parse("Add(2, 3)"));
        await steps.ReceivedAsync(Bob, 1);

        var failing = FailureOf(() => steps.Noise.NoFurtherMessage(Bob, Patience.MustHappen));
        await steps.HubInvocation.Invoke(Alice, HubCall.Parse("SendMessage(\"ada\", \"hi\")"));

        (await failing).Should().Be(
            "Expected no further message within 30s of message 1 (the last received) on \"Bob\", but received 2 hub messages: " +
            "[1] completion #1: 5 [2] ReceiveMessage(\"ada\", \"hi\"). Connection: open.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
