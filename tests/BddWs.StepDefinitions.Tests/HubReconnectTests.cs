using BddWs.Driver.Hubs;
using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// "I reconnect" on a hub connection: Microsoft's hubs take a negotiated connection id once, so a
/// reconnect negotiates again and shakes hands with the hub again before the scenario goes on.
/// </summary>
public sealed class HubReconnectTests
{
    [Fact]
    public async Task A_reconnected_hub_connection_negotiates_again_and_counts_its_invocations_from_one()
    {
        await using var steps = await BundledAsync(Patience.MustHappen);
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");
        await steps.HubInvocation.Invoke(I, HubCall.Parse("Add(1, 2)"));
        await steps.HubInvocation.Returns(new HubValue(3));
        var first = steps.Connections.Default;

        await steps.Connecting.Reconnect(I);
        await steps.HubInvocation.Invoke(I, HubCall.Parse("Add(2, 3)"));
        await steps.HubInvocation.Returns(new HubValue(5));

        var renewed = steps.Connections.Default;
        renewed.Should().NotBeSameAs(first);
        renewed.Reconnections.Should().Be(1);
        first.IsOpen.Should().BeFalse();
        steps.Hubs.LastInvocation!.Id.Should().Be("1");
        renewed.Url.Query.Should().Contain("id=").And.NotBe(first.Url.Query, "a connection id serves one connection");
    }

    [Fact]
    public async Task A_hub_connection_the_client_closed_can_reconnect()
    {
        await using var steps = await BundledAsync(Patience.MustHappen);
        await steps.HubConnecting.ConnectTo(I, "/hubs/chat");
        await steps.Closing.Close(I);

        await steps.Connecting.Reconnect(I);
        await steps.HubInvocation.Invoke(I, HubCall.Parse("Add(2, 2)"));

        await steps.HubInvocation.Returns(new HubValue(4));
    }
}
