using System.Net.WebSockets;
using BddWs.Server.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

namespace BddWs.Server.Tests;

/// <summary>
/// The hub's handshake timeout comes from the <c>Limits</c> section: on <see cref="ImpatientServer"/> a
/// client has 1 s for its hub handshake. The deadline here is only an upper bound on waiting; the server decides when.
/// </summary>
public sealed class HubTimeoutTests(ImpatientServer impatient) : IClassFixture<ImpatientServer>
{
    [Fact]
    public async Task A_client_that_never_sends_the_hub_handshake_is_told_so_then_closed()
    {
        await using var client = await TestClient.ConnectAsync(impatient.Server.WebSocket("/hubs/chat"));

        (await client.ReceiveAsync()).Should().BeEquivalentTo(new Received(WebSocketMessageType.Text, "{\"error\":\"Handshake was canceled.\"}\u001e"u8.ToArray()));
        (await client.ReceiveAsync()).Type.Should().Be(WebSocketMessageType.Close);
    }
}
