using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;

namespace BddWs.Server.Endpoints.Hubs;

/// <summary>
/// <c>/hubs/chat</c>, a SignalR hub (JSON hub protocol, WebSockets only) for features to specify:
/// broadcast and groups, methods with results, errors the client sees, streams both ways, and a
/// question the hub asks its caller (a client result).
/// Every answer follows from the calls alone (no clock, no randomness), apart from the pacing of
/// <see cref="Countdown"/>.
/// </summary>
public sealed class ChatHub(ChatRoster roster, TimeProvider clock, IHubContext<ChatHub, IChatClient> hub) : Hub<IChatClient>
{
    /// <summary>Where the hub is served.</summary>
    public const string Path = "/hubs/chat";

    /// <summary>The highest start of <see cref="Countdown"/>.</summary>
    public const int MaxCountdown = 10_000;

    /// <summary>The longest pause between two numbers of <see cref="Countdown"/>, in milliseconds.</summary>
    public const int MaxDelayMs = 10_000;

    /// <summary><c>ReceiveMessage(user, text)</c> to every connection of the hub, the sender included.</summary>
    public Task SendMessage(string user, string text) =>
        Clients.All.ReceiveMessage(HubArguments.Name(user, "user"), HubArguments.Text(text, "text"));

    /// <summary>
    /// Puts the connection in <paramref name="group"/> as <paramref name="user"/>, then
    /// <c>UserJoined(user, group)</c> to every member, the one who joined included.
    /// </summary>
    public async Task JoinGroup(string group, string user)
    {
        HubArguments.Name(group, "group");
        HubArguments.Name(user, "user");
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        roster.Join(group, Context.ConnectionId, user);
        await Clients.Group(group).UserJoined(user, group);
    }

    /// <summary>
    /// Takes the connection out of <paramref name="group"/>, then <c>UserLeft(user, group)</c> to the
    /// members who stay. Leaving a group one is not in does nothing.
    /// </summary>
    public async Task LeaveGroup(string group)
    {
        HubArguments.Name(group, "group");
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        if (roster.Leave(group, Context.ConnectionId) is { } user)
        {
            await Clients.Group(group).UserLeft(user, group);
        }
    }

    /// <summary>
    /// <c>ReceiveMessage(user, text)</c> to the members of <paramref name="group"/> only: the sender
    /// gets it when it is a member itself, as every member does; one need not be a member to send.
    /// </summary>
    public Task SendToGroup(string group, string user, string text) =>
        Clients.Group(HubArguments.Name(group, "group")).ReceiveMessage(HubArguments.Name(user, "user"), HubArguments.Text(text, "text"));

    /// <summary>The sum, as a result; wide enough that no two whole numbers overflow it.</summary>
    public long Add(int a, int b) => (long)a + b;

    /// <summary><paramref name="a"/> divided by <paramref name="b"/>; <c>cannot divide by zero</c> when <paramref name="b"/> is 0.</summary>
    public double Divide(double a, double b) => b == 0 ? throw new HubException("cannot divide by zero") : a / b;

    /// <summary><c>{"name":"room","members":[...]}</c>: who joined the group <paramref name="name"/>, in ordinal order.</summary>
    public ChatRoom GetRoom(string name) => new(HubArguments.Name(name, "name"), roster.Members(name));

    /// <summary>
    /// Asks the caller for its name, a SignalR client result: <c>GetName(greeting)</c>, which the
    /// client answers with a text. Then <c>Welcome(name)</c> to the caller; when the client answers
    /// with an error, or with something that is not a text, <c>NotWelcomed(reason)</c>. Returns at
    /// once and asks afterwards: a hub method waiting for its own caller's answer would hold every
    /// later call of that connection, since SignalR runs one call per connection at a time.
    /// </summary>
    public void Introduce(string greeting)
    {
        var text = HubArguments.Text(greeting, "greeting");
        _ = AskNameAsync(hub.Clients.Client(Context.ConnectionId), text, Context.ConnectionAborted);
    }

    /// <summary>
    /// Fails with an exception that is not a <see cref="HubException"/>: its message stays on the
    /// server (detailed errors are off), the client gets SignalR's generic text.
    /// </summary>
    public void Fail() => throw new InvalidOperationException("an internal detail the client must not see");

    /// <summary>
    /// A stream of <paramref name="from"/>, from - 1, ..., 1, then completion, a pause of
    /// <paramref name="delayMs"/> between numbers; it stops when the client cancels it. A negative
    /// start ends the stream at once with the error <c>cannot count down from a negative number</c>.
    /// </summary>
    public async IAsyncEnumerable<int> Countdown(int from, int delayMs, [EnumeratorCancellation] CancellationToken cancellation)
    {
        if (from < 0)
        {
            throw new HubException("cannot count down from a negative number");
        }

        if (from > MaxCountdown)
        {
            throw new HubException($"cannot count down from more than {MaxCountdown}");
        }

        if (delayMs is < 0 or > MaxDelayMs)
        {
            throw new HubException($"the delay must be from 0 to {MaxDelayMs} ms");
        }

        for (var number = from; number >= 1; number--)
        {
            yield return number;
            if (number > 1)
            {
                // Pacing of the stream itself, not a wait for the network.
                await Task.Delay(TimeSpan.FromMilliseconds(delayMs), clock, cancellation);
            }
        }
    }

    /// <summary>The total of a stream of whole numbers the client sends, once the client completes it.</summary>
    public async Task<long> Sum(IAsyncEnumerable<int> numbers)
    {
        long total = 0;
        await foreach (var number in numbers.WithCancellation(Context.ConnectionAborted))
        {
            total += number;
        }

        return total;
    }

    private static async Task AskNameAsync(IChatClient caller, string greeting, CancellationToken aborted)
    {
        try
        {
            string name;
            try
            {
                name = await caller.GetName(greeting, aborted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The client's error, or SignalR's when the answer is not a text.
                await caller.NotWelcomed(ex.Message);
                return;
            }

            await caller.Welcome(name);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The caller left before the answer: nobody to tell.
        }
    }

    /// <summary>Tells the groups a connection was in that it left them.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var (group, user) in roster.Forget(Context.ConnectionId))
        {
            await Clients.Group(group).UserLeft(user, group);
        }

        await base.OnDisconnectedAsync(exception);
    }
}
