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
    [Then("the server closes the connection")]
    public Task ServerCloses() => ServerClosesWithin(settings.Timeout);

    /// <summary>The server starts the closing handshake, with any status, at the latest after the given time.</summary>
    /// <example>Then the server closes the connection within 3 s</example>
    [Then("the server closes the connection within {duration}")]
    public Task ServerClosesWithin(Duration within) => connections.Default.ShouldMeetAsync(Expect.ServerClose(), within);

    /// <summary>The server ends the connection with this close status (a number or a name).</summary>
    /// <example>Then the server closes the connection with status 1000</example>
    [Then("the server closes the connection with status {close-status}")]
    public Task ServerClosesWith(WebSocketCloseStatus status) => ServerClosesWithWithin(status, settings.Timeout);

    /// <summary>The server ends the connection with this close status, at the latest after the given time.</summary>
    /// <example>Then the server closes the connection with status MessageTooBig within 5 s</example>
    [Then("the server closes the connection with status {close-status} within {duration}")]
    public Task ServerClosesWithWithin(WebSocketCloseStatus status, Duration within) =>
        connections.Default.ShouldMeetAsync(Expect.ServerClose(status), within);

    /// <summary>The server ends the connection with this close status and reason.</summary>
    /// <example>Then the server closes the connection with status 4001 and reason "bye"</example>
    [Then("the server closes the connection with status {close-status} and reason {string}")]
    public Task ServerClosesWithReason(WebSocketCloseStatus status, string reason) =>
        ServerClosesWithReasonWithin(status, reason, settings.Timeout);

    /// <summary>The server ends the connection with this close status and reason, at the latest after the given time.</summary>
    /// <example>Then the server closes the connection with status 4001 and reason "bye" within 1 s</example>
    [Then("the server closes the connection with status {close-status} and reason {string} within {duration}")]
    public Task ServerClosesWithReasonWithin(WebSocketCloseStatus status, string reason, Duration within) =>
        connections.Default.ShouldMeetAsync(Expect.ServerClose(status, reason), within);

    /// <summary>The server ends the connection with a close reason that contains the text (any status). Waits, as long as the step timeout.</summary>
    /// <example>Then the server closes the connection with a reason containing "idle"</example>
    [Then("the server closes the connection with a reason containing {string}")]
    public Task ServerClosesWithReasonContaining(string text) =>
        connections.Default.ShouldMeetAsync(Expect.ServerCloseContaining(null, text), settings.Timeout);

    /// <summary>The server ends the connection with this close status and a close reason that contains the text. Waits, as long as the step timeout.</summary>
    /// <example>Then the server closes the connection with status PolicyViolation and a reason containing "too many"</example>
    [Then("the server closes the connection with status {close-status} and a reason containing {string}")]
    public Task ServerClosesWithStatusAndReasonContaining(WebSocketCloseStatus status, string text) =>
        connections.Default.ShouldMeetAsync(Expect.ServerCloseContaining(status, text), settings.Timeout);

    /// <summary>The connection's <c>close</c> event happened, whoever closed it.</summary>
    /// <example>Then "Bob" gets a close event</example>
    [Then("{who} get(s) a close event")]
    public Task CloseEvent(ConnectionName who) => connections[who].ShouldMeetAsync(Expect.CloseEvent(), settings.Timeout);

    /// <summary>
    /// The connection's <c>close</c> event carries this status: the one the server's close frame carried, also when
    /// the client closed first (1005 NoStatusReceived when the frame had none; 1006 AbnormalClosure when no closing handshake completed).
    /// </summary>
    /// <example>Then I get a close event with status 1006</example>
    [Then("{who} get(s) a close event with status {close-status}")]
    public Task CloseEventWith(ConnectionName who, WebSocketCloseStatus status) =>
        connections[who].ShouldMeetAsync(Expect.CloseEvent(status), settings.Timeout);

    /// <summary>The connection's <c>error</c> event happened (a failed connect, a dropped connection, a frame that breaks RFC 6455, a message over the size limit).</summary>
    /// <example>Then I get an error event</example>
    [Then("{who} get(s) an error event")]
    public Task ErrorEvent(ConnectionName who) => connections[who].ShouldMeetAsync(Expect.ErrorEvent(), settings.Timeout);

    /// <summary>An <c>error</c> event whose description contains the text (any case).</summary>
    /// <example>Then I get an error event containing "refused"</example>
    [Then("{who} get(s) an error event containing {string}")]
    public Task ErrorEventContaining(ConnectionName who, string text) =>
        connections[who].ShouldMeetAsync(Expect.ErrorEvent(text), settings.Timeout);

    /// <summary>
    /// The lifecycle events so far are exactly these, in order: <c>open</c>, <c>message</c> (received), <c>error</c>, <c>close</c>.
    /// Unless they end with the close, it passes only after a round trip to the server (a ping and its
    /// pong) brought nothing more; a server that never answers pings is given the whole wait.
    /// </summary>
    /// <example>Then I see the events "open, message, close"</example>
    [Then("{who} see(s) the events {string}")]
    public Task Timeline(ConnectionName who, string events) =>
        connections[who].ShouldMeetAsync(Expect.Timeline(events.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), settings.Timeout);
}
