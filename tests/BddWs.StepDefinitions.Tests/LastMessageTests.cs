using BddWs.Driver;
using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// "The last message" means one message in every sentence: the last one received that the connection
/// does not ignore, never a hub's ping nor a message an ignore rule leaves out.
/// </summary>
public sealed class LastMessageTests
{
    private const string Deal = "{\"type\":1,\"target\":\"Deal\",\"arguments\":[{\"result\":[{\"suit\":\"hearts\"}]}]}";

    [Fact]
    public async Task Remembering_from_the_last_message_skips_the_pings_of_a_hub()
    {
        await using var hub = await ScriptedHub.StartAsync(async socket =>
        {
            await ScriptedHub.AcceptHandshakeAsync(socket);
            await ScriptedServer.SendTextAsync(socket, Deal + "\u001e");
            await ScriptedServer.SendTextAsync(socket, "{\"type\":6}\u001e");
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        await using var steps = await ForHubAsync(hub);
        await steps.HubConnecting.ConnectTo(I, "/hub");
        await steps.Connections.Default.Log.WaitUntilAsync(events => events.ReceivedMessages().Count == 3, Patience.MustHappen, TestContext.Current.CancellationToken);

        steps.Remembering.FromLastMessage(I, "$.arguments[0].result[0].suit", "suit");

        steps.Values.Expand("${suit}").Should().Be("hearts");
        steps.Connections.Default.LastMessage!.Text.Should().Be(Deal);
    }

    [Fact]
    public async Task Remembering_and_the_schema_of_the_last_message_skip_ignored_heartbeats()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"bid\",\"final_bid\":7}", "{\"type\":\"hb\",\"n\":1}", "{\"type\":\"hb\",\"n\":2}"]);
        steps.Noise.IgnoreWhere(I, "$.type", "hb");
        await steps.Sending.SendText(I, "go");
        await steps.ReceivedAsync(I, 3);
        steps.WriteFile("bid.json", "{\"type\":\"object\",\"required\":[\"final_bid\"]}");

        steps.Remembering.FromLastMessage(I, "$.final_bid", "bid");
        await steps.JsonSchema.LastMatches("bid.json");

        steps.Values.Expand("${bid}").Should().Be("7");
    }

    [Fact]
    public async Task With_only_ignored_messages_there_is_no_last_message()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"hb\",\"n\":1}"]);
        steps.Noise.IgnoreWhere(I, "$.type", "hb");
        await steps.Sending.SendText(I, "go");
        await steps.ReceivedAsync(I, 1);

        FailureOf(() => steps.Remembering.FromLastMessage(I, "$.final_bid", "bid")).Should().Be(
            "Nothing to remember as ${bid}: no message has arrived besides those the connection ignores.");
    }
}
