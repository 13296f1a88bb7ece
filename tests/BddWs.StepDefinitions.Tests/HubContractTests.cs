using BddWs.Driver.Hubs;
using BddWs.ReqnrollPlugin.Reporting;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>An AsyncAPI contract holds each hub record to its channel's messages; the handshake and pings are not the service's and are not checked.</summary>
public sealed class HubContractTests
{
    [Fact]
    public async Task A_hub_record_that_breaks_the_contract_is_named_by_its_place_and_marked_in_the_report()
    {
        await using var steps = await BundledAsync();
        // The committed contract, but without ReceiveMessage among the client methods.
        var contract = File.ReadAllText(Repository.PathOf("features/contracts/chat-hub.yaml"))
            .Replace("target: { enum: [ReceiveMessage, UserJoined, UserLeft] }", "target: { enum: [UserJoined, UserLeft] }", StringComparison.Ordinal);
        steps.WriteFile("contracts/chat-hub.yaml", contract);
        steps.Contract.Follows("contracts/chat-hub.yaml");
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");
        await steps.HubInvocation.Invoke(I, HubCall.Parse("SendMessage(\"ada\", \"hi\")"));
        await steps.ReceivedAsync(I, 2);

        steps.FollowedContract.CheckNew(steps.Connections.Reported).Should().Equal(
            "Message 1 received on /hubs/chat does not fit the contract \"contracts/chat-hub.yaml\": it matches none of receiveMessage, userJoined, userLeft, " +
            "streamItem, completion, close: at $.target: value should match one of the values specified by the enum (closest: receiveMessage).");
        new Conversation(steps.Values, steps.FollowedContract).NewLines(steps.Connections.Reported)
            .Where(line => line.Contains("breaks the contract", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().StartWith("← ReceiveMessage(\"ada\", \"hi\") (+").And.EndWith(" (breaks the contract)");
    }
}
