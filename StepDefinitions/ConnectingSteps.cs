using System.Net;
using BddWs.Driver;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>Connecting: opening connections, what the handshake asks for and what it answers.</summary>
[Binding]
public sealed class ConnectingSteps(ScenarioConnections connections, SuiteSettings settings)
{
    /// <summary>
    /// Opens a connection to the service's own address: <c>BDDWS_SERVER_URL</c> as written, or the path a
    /// suite that hosts its service names (for the bundled server, its echo endpoint <c>/ws</c>). With
    /// <c>on instance "b"</c>, the base URL of that instance of the service instead, as <c>BDDWS_SERVERS</c> names it.
    /// </summary>
    /// <example>Given I am connected to the echo server</example>
    /// <example>Given "Bob" is connected</example>
    /// <example>Given "Bob" is connected on instance "b"</example>
    /// <waits>for the handshake: up to the connect timeout</waits>
    [Given("{who} am/is connected to the echo server{on-instance}")]
    [Given("{who} am/is connected{on-instance}")]
    public Task ConnectToEcho(ConnectionName who, OnInstance on = default) =>
        connections.ConnectAsync(who, instance: on.Name);

    /// <summary>
    /// Opens a connection to a path of the server under test (<c>/chat?room=a</c>) or to a full ws:// or wss:// URL;
    /// with <c>on instance "b"</c>, to that path of the instance "b" of the service (<c>BDDWS_SERVERS</c>, or
    /// hosted by the suite), and the report marks the connection's lines <c>Bob@b</c>.
    /// </summary>
    /// <example>Given "Alice" is connected to "/chat?room=demo"</example>
    /// <example>When I connect to "/json"</example>
    /// <example>Given "Bob" is connected to "/chat?room=demo" on instance "b"</example>
    /// <example>Given I am connected to "/chat" on instance "a"</example>
    /// <waits>for the handshake: up to the connect timeout</waits>
    [Given("{who} am/is connected to {string}{on-instance}")]
    [When("{who} connect(s) to {string}{on-instance}")]
    public Task ConnectTo(ConnectionName who, string pathOrUrl, OnInstance on = default) =>
        connections.ConnectAsync(who, pathOrUrl, instance: on.Name);

    /// <summary>Opens two named connections to the same path (of the server under test, or of one instance), one after the other.</summary>
    /// <example>Given "Alice" and "Bob" are connected to "/chat?room=demo"</example>
    /// <example>Given "Alice" and "Bob" are connected to "/chat?room=demo" on instance "a"</example>
    /// <waits>for the handshake: up to the connect timeout</waits>
    [Given("{string} and {string} are connected to {string}{on-instance}")]
    public async Task BothConnectTo(string first, string second, string pathOrUrl, OnInstance on = default)
    {
        await connections.ConnectAsync(first, pathOrUrl, instance: on.Name);
        await connections.ConnectAsync(second, pathOrUrl, instance: on.Name);
    }

    /// <summary>
    /// The next connection opened sends this request header (e.g. <c>Authorization</c>); write
    /// <c>${NAME}</c> to take a secret from the environment instead of the feature.
    /// </summary>
    /// <example>Given the request header "Authorization" is "Bearer let-me-in"</example>
    [StepDefinition("the request header {string} is {string}")]
    public void RequestHeader(string name, string value) => connections.Next.AddHeader(name, value);

    /// <summary>
    /// Every connection opened after this step sends this request header, until the end of the
    /// scenario or until the step sets it again; "the request header … is …" alone for the next
    /// connection wins over it for that one. <c>${NAME}</c> reads the environment.
    /// </summary>
    /// <example>Given the request header "Authorization" is "Bearer let-me-in" for every connection</example>
    [StepDefinition("the request header {string} is {string} for every connection")]
    public void RequestHeaderForEvery(string name, string value) => connections.Next.AddHeaderForEvery(name, value);

    /// <summary>The next connection opened adds this query parameter to its URL (<c>${NAME}</c> reads the environment).</summary>
    /// <example>Given the query parameter "access_token" is "let-me-in"</example>
    [StepDefinition("the query parameter {string} is {string}")]
    public void QueryParameter(string name, string value) => connections.Next.AddQuery(name, value);

    /// <summary>The next connection opened offers this subprotocol; repeat the step to offer several, in order of preference.</summary>
    /// <example>Given the subprotocol "bddws.json" is requested</example>
    [StepDefinition("the subprotocol {string} is requested")]
    public void SubProtocol(string subProtocol) => connections.Next.AddSubProtocol(subProtocol);

    /// <summary>Attempts a connection that may fail (on an instance of the service, if named); a "connecting …" step then says how it must have ended.</summary>
    /// <example>When I try to connect to "/secure"</example>
    /// <example>When "Bob" tries to connect to "/secure" on instance "b"</example>
    /// <waits>for the handshake: up to the connect timeout, or `within T`</waits>
    [When("{who} try/tries to connect to {string}{on-instance}{within}")]
    public Task TryConnect(ConnectionName who, string pathOrUrl, OnInstance on = default, Within within = default) =>
        connections.TryConnectAsync(who, pathOrUrl, within.Or(settings.ConnectTimeout), on.Name);

    /// <summary>The last attempt was answered with this HTTP status instead of a WebSocket.</summary>
    /// <example>Then connecting fails with status 401</example>
    [Then("connecting fails with status {int}")]
    public void FailsWithStatus(int status) => connections.LastAttempt.ShouldEndAs(ConnectionOutcome.HttpStatus, (HttpStatusCode)status);

    /// <summary>Nothing listened where the last attempt went (connection refused).</summary>
    /// <example>Then connecting is refused</example>
    [Then("connecting is refused")]
    public void IsRefused() => connections.LastAttempt.ShouldEndAs(ConnectionOutcome.Refused);

    /// <summary>The last attempt got no answer to its handshake in time.</summary>
    /// <example>Then connecting times out</example>
    [Then("connecting times out")]
    public void TimesOut() => connections.LastAttempt.ShouldEndAs(ConnectionOutcome.TimedOut);

    /// <summary>
    /// The server broke the WebSocket handshake itself: a wrong <c>Sec-WebSocket-Accept</c>, an answer
    /// that is not HTTP, a connection dropped in the middle of its answer.
    /// </summary>
    /// <example>Then connecting fails with a handshake error</example>
    [Then("connecting fails with a handshake error")]
    public void FailsWithHandshakeError() => connections.LastAttempt.ShouldEndAs(ConnectionOutcome.HandshakeError);

    /// <summary>The TLS handshake of a wss:// attempt failed: a certificate not trusted, expired or for another host, or no TLS at that address.</summary>
    /// <example>Then connecting fails on TLS</example>
    [Then("connecting fails on TLS")]
    public void FailsOnTls() => connections.LastAttempt.ShouldEndAs(ConnectionOutcome.TlsFailure);

    /// <summary>The last attempt did not open the connection, for whatever reason.</summary>
    /// <example>Then connecting fails</example>
    [Then("connecting fails")]
    public void Fails() => connections.LastAttempt.ShouldHaveFailed();

    /// <summary>
    /// Tries a connection to a path or URL and expects it not to open, for any reason: refused, answered
    /// with an HTTP status, a broken handshake, a TLS failure, no answer in time. The report says why it failed.
    /// It uses the request headers, query parameters and subprotocols given before it, and no name.
    /// </summary>
    /// <example>Then connecting to "/secure" fails</example>
    /// <example>Then connecting to "/secure" on instance "b" fails</example>
    /// <waits>for the handshake: up to the connect timeout, or `within T` (no answer by then counts as failing)</waits>
    [Then("connecting to {string}{on-instance} fails{within}")]
    public async Task ConnectingToFails(string pathOrUrl, OnInstance on = default, Within within = default) =>
        (await connections.AttemptAsync(pathOrUrl, within.Or(settings.ConnectTimeout), on.Name)).ShouldNotHaveOpened(pathOrUrl, on);

    /// <summary>The last attempt opened the connection.</summary>
    /// <example>Then connecting succeeds</example>
    [Then("connecting succeeds")]
    public void Succeeds() => connections.LastAttempt.ShouldEndAs(ConnectionOutcome.Connected);

    /// <summary>
    /// Closes the connection normally (status 1000) if it is still open, then opens it again with what it
    /// asked for the first time: the same path or URL, request headers, query parameters and subprotocols
    /// (and it ignores the messages it ignored).
    /// From then on, counts, positions and "next" start over with the new connection; the report keeps
    /// the earlier traffic and marks the new opening <c>reconnect</c>. A hub connection negotiates and
    /// shakes hands with the hub again, with the same access token; its invocations count from 1 again. A
    /// GraphQL connection sends the same init payload again, and a Socket.IO connection joins the same
    /// namespace with the same auth; their ids count from 1 again too.
    /// </summary>
    /// <example>When "Bob" reconnects</example>
    /// <waits>for the handshake: up to the connect timeout</waits>
    [When("{who} reconnect(s)")]
    public Task Reconnect(ConnectionName who) => connections.ReopenAsync(who);

    /// <summary>The server chose this subprotocol in the handshake.</summary>
    /// <example>Then the negotiated subprotocol is "bddws.json"</example>
    [Then("the negotiated subprotocol is {string}")]
    public void NegotiatedSubProtocol(string expected) => connections.Default.ShouldHaveSubProtocol(expected);

    /// <summary>The server chose no subprotocol in the handshake.</summary>
    /// <example>Then no subprotocol is negotiated</example>
    [Then("no subprotocol is negotiated")]
    public void NoSubProtocol() => connections.Default.ShouldHaveSubProtocol(null);

    /// <summary>The server's handshake response carried this header, with any value.</summary>
    /// <example>Then the handshake response has the header "X-Server"</example>
    [Then("the handshake response has the header {string}")]
    public void HandshakeHeader(string name) => connections.Default.ShouldHaveResponseHeader(name, null);

    /// <summary>The server's handshake response carried this header with this value.</summary>
    /// <example>Then the handshake response has the header "X-Server" with value "BddWs"</example>
    [Then("the handshake response has the header {string} with value {string}")]
    public void HandshakeHeaderValue(string name, string value) => connections.Default.ShouldHaveResponseHeader(name, value);

    /// <summary>
    /// The connection opened (its <c>open</c> event happened) and has not closed. Decided after a round
    /// trip to the server (a ping and its pong), so a close already on its way is not missed.
    /// </summary>
    /// <example>Then I am still connected</example>
    [Then("{who} am/is still connected{within}")]
    public Task StillConnected(ConnectionName who, Within within = default) => connections[who].ShouldMeetAsync(Expect.StillOpen(), within.Or(settings.Timeout));
}
