using System.Threading.Channels;
using BddWs.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace BddWs.Server.Tests.Helpers;

/// <summary>
/// Every call of the chat hub's client methods on one connection, in arrival order, written as
/// <c>ReceiveMessage ada: hi</c>, <c>UserJoined ada red</c>, <c>UserLeft ada red</c>,
/// <c>Welcome ada</c>, <c>NotWelcomed reason</c>.
/// </summary>
public sealed class HubInbox
{
    private readonly Channel<string> _calls = Channel.CreateUnbounded<string>();

    public HubInbox(HubConnection connection)
    {
        connection.On<string, string>("ReceiveMessage", (user, text) => _calls.Writer.TryWrite($"ReceiveMessage {user}: {text}"));
        connection.On<string, string>("UserJoined", (user, group) => _calls.Writer.TryWrite($"UserJoined {user} {group}"));
        connection.On<string, string>("UserLeft", (user, group) => _calls.Writer.TryWrite($"UserLeft {user} {group}"));
        connection.On<string>("Welcome", name => _calls.Writer.TryWrite($"Welcome {name}"));
        connection.On<string>("NotWelcomed", reason => _calls.Writer.TryWrite($"NotWelcomed {reason}"));
    }

    /// <summary>The next call, within <see cref="Patience.MustHappen"/>.</summary>
    public async Task<string> NextAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Patience.MustHappen);
        return await _calls.Reader.ReadAsync(deadline.Token);
    }
}
