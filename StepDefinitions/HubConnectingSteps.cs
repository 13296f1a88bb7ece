using BddWs.Driver;
using BddWs.Driver.Hubs;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// SignalR hubs, connecting: the suite negotiates (<c>POST {hub}/negotiate</c>), opens the WebSocket
/// and sends the JSON hub protocol's handshake itself, over a recorded connection, so every sentence
/// of a plain connection works on a hub connection too, one hub record being one message. The
/// handshake and the hub's pings are left out of counts, positions and contracts.
/// </summary>
[Binding]
public sealed class HubConnectingSteps(ScenarioHubs hubs)
{
    /// <summary>
    /// Opens a connection to a SignalR hub at a path of the server under test (or a ws:// URL): negotiation,
    /// the WebSocket, then the hub handshake (JSON protocol, version 1), which must be accepted. The request
    /// headers, query parameters and subprotocols given before are used. With <c>on instance "b"</c>, the hub of
    /// that instance of the service (<c>BDDWS_SERVERS</c>, or hosted by the suite): a message sent through one
    /// instance can then be seen to reach clients on another.
    /// </summary>
    /// <example>Given "Alice" is connected to the hub "/hubs/chat"</example>
    /// <example>Given "Bob" is connected to the hub "/hubs/chat" on instance "b"</example>
    /// <waits>for the handshake: up to the connect timeout</waits>
    [Given("{who} am/is connected to the hub {string}{on-instance}")]
    public Task ConnectTo(ConnectionName who, string path, OnInstance on = default) => hubs.ConnectAsync(who, path, instance: on.Name);

    /// <summary>
    /// Opens a connection to a hub that wants a bearer token: sent as <c>Authorization: Bearer</c> to the
    /// negotiation and as <c>access_token</c> on the WebSocket, as SignalR clients send it (masked in the report).
    /// </summary>
    /// <example>Given I am connected to the hub "/hubs/orders" with the access token "${token}"</example>
    /// <example>Given "Bob" is connected to the hub "/hubs/orders" on instance "b" with the access token "${token}"</example>
    /// <waits>for the handshake: up to the connect timeout</waits>
    [Given("{who} am/is connected to the hub {string}{on-instance} with the access token {string}")]
    public Task ConnectWithToken(ConnectionName who, string path, OnInstance on, string token) => hubs.ConnectAsync(who, path, token, on.Name);

    /// <summary>
    /// Tries a hub connection and expects it not to open, for any reason: negotiation refused (a 401 without a
    /// token), no WebSockets offered, the WebSocket refused, the hub handshake refused. The report says why.
    /// </summary>
    /// <example>Then connecting to the hub "/hubs/orders" fails</example>
    /// <example>Then connecting to the hub "/hubs/orders" on instance "b" fails</example>
    /// <waits>for the handshake: up to the connect timeout</waits>
    [Then("connecting to the hub {string}{on-instance} fails")]
    public async Task ConnectingFails(string path, OnInstance on = default)
    {
        var attempt = await hubs.AttemptAsync(path, instance: on.Name);
        Verify.That(!attempt.Succeeded, () => $"Expected connecting to the hub \"{path}\"{on} to fail, but it opened.");
    }

    /// <summary>Tries a hub connection and expects it not to open, for a reason that contains the text (<c>401</c>, <c>not supported</c>).</summary>
    /// <example>Then connecting to the hub "/hubs/orders" fails with "HTTP 401"</example>
    /// <example>Then connecting to the hub "/hubs/orders" on instance "b" fails with "HTTP 401"</example>
    /// <waits>for the handshake: up to the connect timeout</waits>
    [Then("connecting to the hub {string}{on-instance} fails with {string}")]
    public async Task ConnectingFailsWith(string path, OnInstance on, string reason)
    {
        var attempt = await hubs.AttemptAsync(path, instance: on.Name);
        Verify.That(
            !attempt.Succeeded && attempt.Description.Contains(reason, StringComparison.Ordinal),
            () => $"Expected connecting to the hub \"{path}\"{on} to fail with {Format.Quoted(reason)}, but {(attempt.Succeeded ? "it opened" : $"it failed otherwise: {attempt.Reason ?? Format.Clause(attempt.Description)}")}.");
    }
}
