using System.Text.Json.Nodes;
using BddWs.Driver;
using BddWs.Driver.Json;
using BddWs.Driver.SocketIo;
using BddWs.Driver.Values;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// Socket.IO (protocol 5 over Engine.IO 4, the WebSocket transport): connecting to a namespace with an auth
/// payload, emitting events, their acknowledgements, the events the server emits and its disconnect. The
/// suite speaks the protocol itself over a recorded connection, so every sentence of a plain connection works
/// on it too, one packet being one message; the Engine.IO handshake, the server's pings (answered at once)
/// and the connect packets are left out of counts, positions and contracts. Arguments are JSON values
/// separated by commas and compare by position; expected ones take placeholders (<c>(any string)</c>,
/// <c>(remember name)</c>) as every JSON expectation does. Nothing reconnects on its own.
/// </summary>
[Binding]
public sealed class SocketIoSteps(ScenarioSocketIo socketIo, ScenarioValues values, SuiteSettings settings)
{
    /// <summary>
    /// Opens a Socket.IO connection to a namespace of the server under test (at <c>/socket.io/</c>) without an auth
    /// payload: the WebSocket, Engine.IO's open packet, then the connect to the namespace, which must be accepted.
    /// The request headers and query parameters given before are used. With <c>on instance "b"</c>, on that instance
    /// of the service.
    /// </summary>
    /// <example>Given "Ada" is connected to the Socket.IO namespace "/"</example>
    /// <example>Given "Bob" is connected to the Socket.IO namespace "/chat" on instance "b"</example>
    /// <waits>for the connect: up to the connect timeout</waits>
    [Given("{who} am/is connected to the Socket.IO namespace {string}{on-instance}")]
    public Task ConnectTo(ConnectionName who, string @namespace, OnInstance on = default) => socketIo.ConnectAsync(who, @namespace, instance: on.Name);

    /// <summary>
    /// Opens a Socket.IO connection to a namespace with an auth payload (a JSON object in a doc string, <c>${…}</c>
    /// values put in and secrets masked in the report), as a client's <c>auth</c> option sends it.
    /// </summary>
    /// <example>
    /// Given "Ada" is connected to the Socket.IO namespace "/chat" with the auth:
    ///   """
    ///   { "token": "${TOKEN}", "name": "ada" }
    ///   """
    /// </example>
    /// <example>
    /// Given "Bob" is connected to the Socket.IO namespace "/chat" on instance "b" with the auth:
    ///   """
    ///   { "token": "${TOKEN}", "name": "bob" }
    ///   """
    /// </example>
    /// <waits>for the connect: up to the connect timeout</waits>
    [Given("{who} am/is connected to the Socket.IO namespace {string}{on-instance} with the auth:")]
    public Task ConnectWithAuth(ConnectionName who, string @namespace, OnInstance on, string auth) => socketIo.ConnectAsync(who, @namespace, Auth(auth), on.Name);

    /// <summary>Tries a Socket.IO connection without an auth payload and expects it refused for a reason that contains the text (the server's <c>connect_error</c> message, a close).</summary>
    /// <example>Then connecting to the Socket.IO namespace "/chat" fails with "not authorized"</example>
    /// <example>Then connecting to the Socket.IO namespace "/chat" on instance "b" fails with "not authorized"</example>
    /// <waits>for the connect: up to the connect timeout</waits>
    [Then("connecting to the Socket.IO namespace {string}{on-instance} fails with {string}")]
    public async Task ConnectingFails(string @namespace, OnInstance on, string reason) =>
        ShouldFail(@namespace, on, reason, await socketIo.AttemptAsync(@namespace, instance: on.Name));

    /// <summary>Tries a Socket.IO connection with this auth payload and expects it refused for a reason that contains the text.</summary>
    /// <example>
    /// Then connecting to the Socket.IO namespace "/chat" fails with "not authorized" for the auth:
    ///   """
    ///   { "token": "wrong" }
    ///   """
    /// </example>
    /// <example>
    /// Then connecting to the Socket.IO namespace "/chat" on instance "b" fails with "not authorized" for the auth:
    ///   """
    ///   { "token": "wrong" }
    ///   """
    /// </example>
    /// <waits>for the connect: up to the connect timeout</waits>
    [Then("connecting to the Socket.IO namespace {string}{on-instance} fails with {string} for the auth:")]
    public async Task ConnectingFailsWithAuth(string @namespace, OnInstance on, string reason, string auth) =>
        ShouldFail(@namespace, on, reason, await socketIo.AttemptAsync(@namespace, Auth(auth), on.Name));

    /// <summary>Emits an event without arguments on the connection's namespace.</summary>
    /// <example>When "Ada" emits "leave"</example>
    [When("{who} emit(s) {string}")]
    public Task Emit(ConnectionName who, string @event) => socketIo.EmitAsync(who, @event, [], askAck: false);

    /// <summary>Emits an event with arguments, JSON values separated by commas: <c>"hi"</c>, <c>{"item":"book"}, 2</c>.</summary>
    /// <example>When "Ada" emits "chat" with "hi"</example>
    [When("{who} emit(s) {string} with {socketio-arguments}")]
    public Task EmitWith(ConnectionName who, string @event, SocketIoArguments arguments) =>
        socketIo.EmitAsync(who, @event, arguments.Values($"The arguments of {Format.Quoted(@event)}"), askAck: false);

    /// <summary>
    /// Emits an event asking for an acknowledgement (the packet carries an id the server's answer repeats);
    /// "the acknowledgement …" then judges the answer.
    /// </summary>
    /// <example>When I emit "order" asking for an acknowledgement with {"item": "book", "quantity": 2}</example>
    [When("{who} emit(s) {string} asking for an acknowledgement with {socketio-arguments}")]
    public Task EmitAskingWith(ConnectionName who, string @event, SocketIoArguments arguments) =>
        socketIo.EmitAsync(who, @event, arguments.Values($"The arguments of {Format.Quoted(@event)}"), askAck: true);

    /// <summary>Emits an event without arguments, asking for an acknowledgement.</summary>
    /// <example>When I emit "status" asking for an acknowledgement</example>
    [When("{who} emit(s) {string} asking for an acknowledgement")]
    public Task EmitAsking(ConnectionName who, string @event) => socketIo.EmitAsync(who, @event, [], askAck: true);

    /// <summary>
    /// The server acknowledged the latest event emitted asking for one, with exactly these arguments (JSON values
    /// by position, placeholders allowed; <c>(remember name)</c> keeps a value for later steps).
    /// </summary>
    /// <example>Then the acknowledgement is "ok", "(remember orderId)"</example>
    [Then("the acknowledgement is {socketio-arguments}{within}")]
    public async Task AcknowledgementIs(SocketIoArguments arguments, Within within = default)
    {
        var emit = socketIo.LastAskedOrFail();
        await socketIo.Of(emit).ShouldBeAcknowledgedAsync(emit, arguments.Pattern(), values, within.Or(settings.Timeout));
    }

    /// <summary>
    /// The server emitted this event on the connection's namespace with exactly these arguments, by position
    /// (placeholders allowed), at some point so far; <c>(remember name)</c> keeps a value for later steps.
    /// </summary>
    /// <example>Then "Bob" receives the event "chat" with "ada", "hi"</example>
    [Then("{who} receive(s) the event {string} with {socketio-arguments}{within}")]
    public async Task ReceivesEvent(ConnectionName who, string @event, SocketIoArguments arguments, Within within = default)
    {
        var pattern = arguments.Pattern();
        var packet = await socketIo[who].ShouldReceiveEventAsync(
            $"{Format.Quoted(@event)} with {pattern.Text}", p => p.EventName == @event && pattern.CompareWith(p.Arguments).Matches, within.Or(settings.Timeout));
        JsonDocumentPattern.RememberFrom(pattern.CompareWith(packet.Arguments), values);
    }

    /// <summary>
    /// The server emitted this event with arguments that have these values: a <c>path</c> / <c>value</c> table
    /// whose paths start at the list of arguments (<c>$[0]</c> the first, <c>$[0].item</c> a field of it), with
    /// placeholders; <c>(remember name)</c> keeps a value for later steps.
    /// </summary>
    /// <example>
    /// Then "Bob" receives the event "chat" where:
    ///   | path | value |
    ///   | $[0] | ada   |
    ///   | $[1] | hi    |
    /// </example>
    [Then("{who} receive(s){within} the event {string} where:")]
    public async Task ReceivesEventWhere(ConnectionName who, Within within, string @event, DataTable table)
    {
        var expectations = PathValueTable.Expectations(table, remembering: true);
        var packet = await socketIo[who].ShouldReceiveEventAsync(
            $"{Format.Quoted(@event)} where {string.Join(" and ", expectations)}",
            p => p.EventName == @event && expectations.All(e => e.IsMetBy(p.Arguments)),
            within.Or(settings.Timeout));
        JsonExpectation.RememberFrom(expectations, packet.Arguments, values);
    }

    /// <summary>The server does not emit this event on the connection's namespace, whatever its arguments, for the whole time given.</summary>
    /// <example>Then "Ada" does not receive the event "chat" within 300 ms</example>
    /// <waits>the whole time given: it passes only if no such event came in it</waits>
    [Then("{who} do(es) not receive the event {string} within {duration}")]
    public Task DoesNotReceiveEvent(ConnectionName who, string @event, Duration within)
    {
        var connection = socketIo[who];
        return connection.Session.ShouldMeetAsync(SocketIoExpect.NoEvent(connection.Namespace, Format.Quoted(@event), p => p.EventName == @event), within);
    }

    /// <summary>
    /// The server ended the connection's namespace: its disconnect packet, or the close of the whole connection.
    /// </summary>
    /// <example>Then "Ada" is disconnected by the server</example>
    [Then("{who} am/is disconnected by the server{within}")]
    public Task DisconnectedByServer(ConnectionName who, Within within = default) => Disconnected(who, null, within);

    /// <summary>
    /// The server ended the connection's namespace for this reason, in Socket.IO's words: <c>io server disconnect</c>
    /// (it sent the namespace's disconnect packet) or <c>transport close</c> (it closed the connection).
    /// </summary>
    /// <example>Then "Ada" is disconnected by the server with the reason "io server disconnect"</example>
    [Then("{who} am/is disconnected by the server with the reason {string}{within}")]
    public Task DisconnectedByServerFor(ConnectionName who, string reason, Within within = default) => Disconnected(who, reason, within);

    /// <summary>Remembers the value at a JSON path of the arguments of the latest event of this name received (<c>$[0]</c> the first argument).</summary>
    /// <example>When "Bob" remembers "$[1]" of the event "chat" as "said"</example>
    [StepDefinition("{who} remember(s) {string} of the event {string} as {string}")]
    public void RememberFromEvent(ConnectionName who, string path, string @event, string name)
    {
        var connection = socketIo[who];
        var latest = connection.Session.Ignored.Visible(connection.Session.Log.Snapshot()).ReceivedMessages()
            .Select(m => SocketIoPacket.TryRead(m, out var p) ? p : null)
            .LastOrDefault(p => p?.EventName == @event && p.Namespace == connection.Namespace);
        var arguments = latest is null ? null : WebSocketMessage.FromText(latest.Arguments.ToJsonString());
        values.Remember(
            name,
            MessageValue.At(arguments, path, name, $"the event {Format.Quoted(@event)}", $"no event {Format.Quoted(@event)} has been received"),
            SecretNames.Looks(path));
    }

    private Task Disconnected(ConnectionName who, string? reason, Within within)
    {
        var connection = socketIo[who];
        return connection.Session.ShouldMeetAsync(SocketIoExpect.Disconnect(connection.Namespace, reason), within.Or(settings.Timeout));
    }

    private static JsonNode? Auth(string auth) =>
        JsonNode.Parse(JsonBuilder.Compact(auth, "The auth")) as JsonObject
            ?? throw new FormatException($"The auth must be a JSON object, as in {{ \"token\": \"${{TOKEN}}\" }}; it is {auth.Trim()}.");

    private static void ShouldFail(string @namespace, OnInstance on, string reason, ConnectionAttempt attempt) => Verify.That(
        !attempt.Succeeded && attempt.Description.Contains(reason, StringComparison.Ordinal),
        () => $"Expected connecting to the Socket.IO namespace {Format.Quoted(@namespace)}{on} to fail with {Format.Quoted(reason)}, but {(attempt.Succeeded ? "it opened" : $"it failed otherwise: {attempt.Reason ?? Format.Clause(attempt.Description)}")}.");
}
