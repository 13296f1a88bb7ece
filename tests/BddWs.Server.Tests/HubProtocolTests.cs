using BddWs.Server.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

namespace BddWs.Server.Tests;

/// <summary>
/// The JSON hub protocol on the wire, over a plain WebSocket without negotiate, as a recorded
/// connection will see it: every record is a JSON text ending with the record separator 0x1E.
/// </summary>
public sealed class HubProtocolTests(BundledServer server) : IClassFixture<BundledServer>
{
    [Fact]
    public async Task Handshake_invocation_and_completion_as_JSON_records()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/hubs/chat"));
        var hub = new HubRecords(client);

        (await hub.HandshakeAsync()).Should().Be("{}", "an empty object accepts the handshake");

        await hub.SendAsync("""{"type":1,"invocationId":"7","target":"Add","arguments":[2,3]}""");
        (await hub.NextAsync()).Should().Be("""{"type":3,"invocationId":"7","result":5}""");

        await hub.SendAsync("""{"type":1,"invocationId":"8","target":"Divide","arguments":[1,0]}""");
        (await hub.NextAsync()).Should().Be(
            """{"type":3,"invocationId":"8","error":"An unexpected error occurred invoking 'Divide' on the server. HubException: cannot divide by zero"}""");
    }

    [Fact]
    public async Task Stream_items_then_completion_as_JSON_records()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/hubs/chat"));
        var hub = new HubRecords(client);
        await hub.HandshakeAsync();

        await hub.SendAsync("""{"type":4,"invocationId":"s1","target":"Countdown","arguments":[2,0]}""");

        (await hub.NextAsync()).Should().Be("""{"type":2,"invocationId":"s1","item":2}""");
        (await hub.NextAsync()).Should().Be("""{"type":2,"invocationId":"s1","item":1}""");
        (await hub.NextAsync()).Should().Be("""{"type":3,"invocationId":"s1"}""");
    }

    [Fact]
    public async Task A_stream_error_is_a_completion_record_with_the_error()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/hubs/chat"));
        var hub = new HubRecords(client);
        await hub.HandshakeAsync();

        await hub.SendAsync("""{"type":4,"invocationId":"s2","target":"Countdown","arguments":[-1,0]}""");

        (await hub.NextAsync()).Should().Be(
            """{"type":3,"invocationId":"s2","error":"An error occurred on the server while streaming results. HubException: cannot count down from a negative number"}""");
    }

    [Fact]
    public async Task A_broadcast_arrives_as_an_invocation_record_naming_the_client_method()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/hubs/chat"));
        var hub = new HubRecords(client);
        await hub.HandshakeAsync();

        // No invocationId: a call that wants no completion.
        await hub.SendAsync("""{"type":1,"target":"SendMessage","arguments":["ada","hi"]}""");

        (await hub.NextAsync()).Should().Be("""{"type":1,"target":"ReceiveMessage","arguments":["ada","hi"]}""");
    }

    [Fact]
    public async Task An_unknown_method_or_a_wrong_count_of_arguments_is_answered_with_an_error_completion()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/hubs/chat"));
        var hub = new HubRecords(client);
        await hub.HandshakeAsync();

        await hub.SendAsync("""{"type":1,"invocationId":"u1","target":"Multiply","arguments":[2,3]}""");
        (await hub.NextAsync()).Should().Be(
            """{"type":3,"invocationId":"u1","error":"Failed to invoke 'Multiply' due to an error on the server. HubException: Method does not exist."}""");

        // Which argument is wrong stays on the server: detailed errors are off.
        await hub.SendAsync("""{"type":1,"invocationId":"u2","target":"Add","arguments":[2]}""");
        (await hub.NextAsync()).Should().Be("""{"type":3,"invocationId":"u2","error":"Failed to invoke 'Add' due to an error on the server."}""");
    }

    [Fact]
    public async Task An_unknown_protocol_is_refused_in_the_handshake_answer()
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/hubs/chat"));
        var hub = new HubRecords(client);

        await hub.SendAsync("""{"protocol":"messagepack","version":1}""");

        (await hub.NextAsync(skipPings: false)).Should().Be("""{"error":"The protocol 'messagepack' is not supported."}""");
    }
}
