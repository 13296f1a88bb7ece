using System.Net.WebSockets;
using BddWs.Driver;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>Closing: who ends a connection, how, and the <c>close</c> and <c>error</c> events.</summary>
[Binding]
public sealed class ClosingSteps(ScenarioConnections connections, SuiteSettings settings)
{
    /// <summary>Closes the connection with status 1000 (NormalClosure).</summary>
    /// <example>When I close the connection</example>
    [When("{who} close(s) the connection")]
    public Task Close(ConnectionName who) => connections[who].CloseAsync();

    /// <summary>Closes the connection with this status, a number or a name.</summary>
    /// <example>When I close the connection with status GoingAway</example>
    [When("{who} close(s) the connection with status {close-status}")]
    public Task CloseWithStatus(ConnectionName who, WebSocketCloseStatus status) => connections[who].CloseAsync(status);

    /// <summary>Closes the connection with this status and reason.</summary>
    /// <example>When I close the connection with status 4000 and reason "done"</example>
    [When("{who} close(s) the connection with status {close-status} and reason {string}")]
    public Task CloseWithReason(ConnectionName who, WebSocketCloseStatus status, string reason) => connections[who].CloseAsync(status, reason);

    /// <summary>The server starts the closing handshake, with any status.</summary>
    /// <example>Then the server closes the connection</example>
    [Then("the server closes the connection{within}")]
    public Task ServerCloses(Within within = default) =>
        connections.Default.ShouldMeetAsync(Expect.ServerClose(), within.Or(settings.Timeout));

    /// <summary>The server ends the connection with this close status (a number or a name).</summary>
    /// <example>Then the server closes the connection with status 1000</example>
    [Then("the server closes the connection with status {close-status}{within}")]
    public Task ServerClosesWith(WebSocketCloseStatus status, Within within = default) =>
        connections.Default.ShouldMeetAsync(Expect.ServerClose(status), within.Or(settings.Timeout));

    /// <summary>The server ends the connection with this close status and reason.</summary>
    /// <example>Then the server closes the connection with status 4001 and reason "bye"</example>
    [Then("the server closes the connection with status {close-status} and reason {string}{within}")]
    public Task ServerClosesWithReason(WebSocketCloseStatus status, string reason, Within within = default) =>
        connections.Default.ShouldMeetAsync(Expect.ServerClose(status, reason), within.Or(settings.Timeout));

    /// <summary>The server ends the connection with a close reason that contains the text (any status).</summary>
    /// <example>Then the server closes the connection with a reason containing "idle"</example>
    [Then("the server closes the connection with a reason containing {string}{within}")]
    public Task ServerClosesWithReasonContaining(string text, Within within = default) =>
        connections.Default.ShouldMeetAsync(Expect.ServerCloseContaining(null, text), within.Or(settings.Timeout));

    /// <summary>The server ends the connection with this close status and a close reason that contains the text.</summary>
    /// <example>Then the server closes the connection with status PolicyViolation and a reason containing "too many"</example>
    [Then("the server closes the connection with status {close-status} and a reason containing {string}{within}")]
    public Task ServerClosesWithStatusAndReasonContaining(WebSocketCloseStatus status, string text, Within within = default) =>
        connections.Default.ShouldMeetAsync(Expect.ServerCloseContaining(status, text), within.Or(settings.Timeout));

    /// <summary>The connection's <c>close</c> event happened, whoever closed it.</summary>
    /// <example>Then "Bob" gets a close event</example>
    [Then("{who} get(s) a close event{within}")]
    public Task CloseEvent(ConnectionName who, Within within = default) => connections[who].ShouldMeetAsync(Expect.CloseEvent(), within.Or(settings.Timeout));

    /// <summary>
    /// The connection's <c>close</c> event carries this status: the one the server's close frame carried, also when
    /// the client closed first (1005 NoStatusReceived when the frame had none; 1006 AbnormalClosure when no closing handshake completed).
    /// </summary>
    /// <example>Then I get a close event with status 1006</example>
    [Then("{who} get(s) a close event with status {close-status}{within}")]
    public Task CloseEventWith(ConnectionName who, WebSocketCloseStatus status, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.CloseEvent(status), within.Or(settings.Timeout));

    /// <summary>The connection's <c>error</c> event happened (a failed connect, a dropped connection, a frame that breaks RFC 6455, a message over the size limit).</summary>
    /// <example>Then I get an error event</example>
    [Then("{who} get(s) an error event{within}")]
    public Task ErrorEvent(ConnectionName who, Within within = default) => connections[who].ShouldMeetAsync(Expect.ErrorEvent(), within.Or(settings.Timeout));

    /// <summary>An <c>error</c> event whose description contains the text (any case).</summary>
    /// <example>Then I get an error event containing "refused"</example>
    [Then("{who} get(s) an error event containing {string}{within}")]
    public Task ErrorEventContaining(ConnectionName who, string text, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.ErrorEvent(text), within.Or(settings.Timeout));

    /// <summary>
    /// The lifecycle events so far are exactly these, in order: <c>open</c>, <c>message</c> (received), <c>error</c>, <c>close</c>.
    /// Unless they end with the close, it passes only after a round trip to the server (a ping and its
    /// pong) brought nothing more; a server that never answers pings is given the whole wait.
    /// </summary>
    /// <example>Then I see the events "open, message, close"</example>
    [Then("{who} see(s) the events {string}{within}")]
    public Task Timeline(ConnectionName who, string events, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.Timeline(events.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), within.Or(settings.Timeout));
}
