using BddWs.Testing;
using FluentAssertions;

namespace BddWs.Server.Tests.Helpers;

/// <summary>What must hold after any attack: the server still serves, has let every connection go, and logged no error.</summary>
public static class Aftermath
{
    /// <summary>For the slowest way a connection ends on <see cref="ImpatientServer"/> (keep-alive: about 2 s), with <see cref="Patience"/>.</summary>
    public static readonly TimeSpan Settling = Patience.MustHappen;

    public static async Task ServerIsUnharmedAsync(BundledServer server, int openBefore = 0)
    {
        await using (var client = await TestClient.ConnectAsync(server.WebSocket("/ws")))
        {
            await client.SendTextAsync("still there?");
            (await client.ReceiveTextAsync()).Should().Be("Message text was: still there?");
        }

        var settled = await Eventually.HoldsAsync(async () => await server.OpenConnectionsAsync() == openBefore, Settling);
        settled.Should().BeTrue($"/health should count {openBefore} connections again, but counts {await server.OpenConnectionsAsync()}");
        server.Logs.Problems.Should().BeEmpty("the server must not log errors or unhandled exceptions");
    }
}
