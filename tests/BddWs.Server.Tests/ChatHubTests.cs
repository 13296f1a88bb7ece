using BddWs.Server.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace BddWs.Server.Tests;

/// <summary>
/// <c>/hubs/chat</c> through Microsoft's SignalR client: broadcast, groups, results and the errors a
/// client sees. "Nothing arrived" is proven without waiting: a later broadcast must be the next call.
/// </summary>
public sealed class ChatHubTests(BundledServer server) : IClassFixture<BundledServer>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendMessage_reaches_every_connection_the_sender_included()
    {
        await using var ada = await HubClients.ConnectAsync(server, "/hubs/chat");
        await using var grace = await HubClients.ConnectAsync(server, "/hubs/chat");
        var adaInbox = new HubInbox(ada);
        var graceInbox = new HubInbox(grace);

        await ada.InvokeAsync("SendMessage", "ada", "hello all", Cancellation);

        (await adaInbox.NextAsync()).Should().Be("ReceiveMessage ada: hello all");
        (await graceInbox.NextAsync()).Should().Be("ReceiveMessage ada: hello all");
    }

    [Fact]
    public async Task SendToGroup_reaches_the_members_only_the_sender_as_a_member()
    {
        var group = Unique("red");
        await using var ada = await HubClients.ConnectAsync(server, "/hubs/chat");
        await using var grace = await HubClients.ConnectAsync(server, "/hubs/chat");
        await using var outsider = await HubClients.ConnectAsync(server, "/hubs/chat");
        var adaInbox = new HubInbox(ada);
        var graceInbox = new HubInbox(grace);
        var outsiderInbox = new HubInbox(outsider);

        await ada.InvokeAsync("JoinGroup", group, "ada", Cancellation);
        (await adaInbox.NextAsync()).Should().Be($"UserJoined ada {group}", "the one who joins is told too");
        await grace.InvokeAsync("JoinGroup", group, "grace", Cancellation);
        (await adaInbox.NextAsync()).Should().Be($"UserJoined grace {group}");
        (await graceInbox.NextAsync()).Should().Be($"UserJoined grace {group}");

        await ada.InvokeAsync("SendToGroup", group, "ada", "members only", Cancellation);
        await outsider.InvokeAsync("SendMessage", "outsider", "public", Cancellation);

        (await adaInbox.NextAsync()).Should().Be("ReceiveMessage ada: members only");
        (await graceInbox.NextAsync()).Should().Be("ReceiveMessage ada: members only");
        (await outsiderInbox.NextAsync()).Should().Be("ReceiveMessage outsider: public", "the group's message must not reach a connection outside it");
    }

    [Fact]
    public async Task One_who_leaves_a_group_is_announced_to_those_who_stay_and_gets_its_messages_no_more()
    {
        var group = Unique("blue");
        await using var ada = await HubClients.ConnectAsync(server, "/hubs/chat");
        await using var grace = await HubClients.ConnectAsync(server, "/hubs/chat");
        var adaInbox = new HubInbox(ada);
        var graceInbox = new HubInbox(grace);
        await ada.InvokeAsync("JoinGroup", group, "ada", Cancellation);
        await grace.InvokeAsync("JoinGroup", group, "grace", Cancellation);
        (await adaInbox.NextAsync()).Should().Be($"UserJoined ada {group}");
        (await adaInbox.NextAsync()).Should().Be($"UserJoined grace {group}");
        (await graceInbox.NextAsync()).Should().Be($"UserJoined grace {group}");

        await grace.InvokeAsync("LeaveGroup", group, Cancellation);
        (await adaInbox.NextAsync()).Should().Be($"UserLeft grace {group}");

        await ada.InvokeAsync("SendToGroup", group, "ada", "still here?", Cancellation);
        await ada.InvokeAsync("SendMessage", "ada", "public", Cancellation);
        (await adaInbox.NextAsync()).Should().Be("ReceiveMessage ada: still here?");
        (await graceInbox.NextAsync()).Should().Be("ReceiveMessage ada: public", "grace left the group and gets no more of its messages");
    }

    [Fact]
    public async Task A_member_that_disconnects_is_announced_as_having_left()
    {
        var group = Unique("green");
        await using var ada = await HubClients.ConnectAsync(server, "/hubs/chat");
        var adaInbox = new HubInbox(ada);
        await ada.InvokeAsync("JoinGroup", group, "ada", Cancellation);
        (await adaInbox.NextAsync()).Should().Be($"UserJoined ada {group}");
        await using (var grace = await HubClients.ConnectAsync(server, "/hubs/chat"))
        {
            await grace.InvokeAsync("JoinGroup", group, "grace", Cancellation);
            (await adaInbox.NextAsync()).Should().Be($"UserJoined grace {group}");
        }

        (await adaInbox.NextAsync()).Should().Be($"UserLeft grace {group}");
        (await ada.InvokeAsync<RoomView>("GetRoom", group, Cancellation)).Should().BeEquivalentTo(new RoomView(group, ["ada"]));
    }

    [Fact]
    public async Task GetRoom_answers_an_object_with_the_members_in_order()
    {
        var group = Unique("room");
        await using var zoe = await HubClients.ConnectAsync(server, "/hubs/chat");
        await using var ada = await HubClients.ConnectAsync(server, "/hubs/chat");
        await zoe.InvokeAsync("JoinGroup", group, "zoe", Cancellation);
        await ada.InvokeAsync("JoinGroup", group, "ada", Cancellation);

        (await ada.InvokeAsync<RoomView>("GetRoom", group, Cancellation)).Should().BeEquivalentTo(new RoomView(group, ["ada", "zoe"]));
        (await ada.InvokeAsync<RoomView>("GetRoom", Unique("empty"), Cancellation)).Members.Should().BeEmpty();
    }

    [Theory]
    [InlineData(2, 3, 5L)]
    [InlineData(int.MaxValue, 1, 2147483648L)]
    [InlineData(-7, 2, -5L)]
    public async Task Add_answers_the_sum(int a, int b, long sum)
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");

        (await client.InvokeAsync<long>("Add", a, b, Cancellation)).Should().Be(sum);
    }

    [Fact]
    public async Task Divide_answers_the_quotient()
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");

        (await client.InvokeAsync<double>("Divide", 7, 2, Cancellation)).Should().Be(3.5);
    }

    [Fact]
    public async Task Divide_by_zero_fails_with_the_text_of_the_hub_exception()
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");

        await FluentActions.Awaiting(() => client.InvokeAsync<double>("Divide", 1, 0, Cancellation))
            .Should().ThrowAsync<HubException>()
            .WithMessage("An unexpected error occurred invoking 'Divide' on the server. HubException: cannot divide by zero");
    }

    [Fact]
    public async Task A_plain_exception_shows_the_client_only_a_generic_text()
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");

        await FluentActions.Awaiting(() => client.InvokeAsync("Fail", Cancellation))
            .Should().ThrowAsync<HubException>()
            .WithMessage("An unexpected error occurred invoking 'Fail' on the server.");
    }

    [Theory]
    [InlineData("", "user must be a text of 1 to 100 characters")]
    [InlineData(null, "user must be a text of 1 to 100 characters")]
    public async Task A_bad_user_name_is_refused_with_a_reason(string? user, string reason)
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");

        await FluentActions.Awaiting(() => client.InvokeAsync("SendMessage", user, "hi", Cancellation))
            .Should().ThrowAsync<HubException>()
            .WithMessage($"An unexpected error occurred invoking 'SendMessage' on the server. HubException: {reason}");
    }

    [Fact]
    public async Task The_client_may_skip_negotiation_and_open_the_WebSocket_straight_away()
    {
        await using var negotiated = await HubClients.ConnectAsync(server, "/hubs/chat");
        await using var direct = await HubClients.ConnectAsync(server, "/hubs/chat", skipNegotiation: true);

        negotiated.ConnectionId.Should().NotBeNullOrEmpty("negotiate hands out the connection id");
        direct.ConnectionId.Should().BeNull("without negotiate the client learns no connection id");
        (await negotiated.InvokeAsync<long>("Add", 1, 2, Cancellation)).Should().Be(3);
        (await direct.InvokeAsync<long>("Add", 1, 2, Cancellation)).Should().Be(3);
    }

    [Fact]
    public async Task Introduce_asks_the_caller_its_name_and_welcomes_it_by_the_answer()
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");
        var inbox = new HubInbox(client);
        client.On<string, string>("GetName", greeting => $"ada, who heard {greeting}");

        await client.InvokeAsync("Introduce", "hello", Cancellation);

        (await inbox.NextAsync()).Should().Be("Welcome ada, who heard hello");
    }

    [Fact]
    public async Task Introduce_tells_the_caller_why_it_is_not_welcomed_when_its_answer_is_an_error()
    {
        await using var client = await HubClients.ConnectAsync(server, "/hubs/chat");
        var inbox = new HubInbox(client);
        client.On<string, string>("GetName", string (_) => throw new InvalidOperationException("no name today"));

        await client.InvokeAsync("Introduce", "hello", Cancellation);

        // The client's own wording of its error is the client library's; the hub passes it on.
        (await inbox.NextAsync()).Should().StartWith("NotWelcomed ");
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    private sealed record RoomView(string Name, string[] Members);
}
