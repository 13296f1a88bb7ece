using BddWs.Driver;
using BddWs.Driver.Values;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// Values a scenario carries from one step to the next: remembered here, written as
/// <c>${name}</c> in any later step (quoted text, doc strings, table cells), shown in the report
/// where they are used. Values of secrets (tokens, passwords, credentials) are masked wherever
/// they appear afterwards.
/// </summary>
[Binding]
public sealed class RememberingSteps(ScenarioConnections connections, ScenarioValues values, SuiteSettings settings)
{
    /// <summary>
    /// Remembers the value at a JSON path of the last message received, leaving out what the connection
    /// ignores (a string as it is, anything else as JSON).
    /// </summary>
    /// <example>When I remember "$.id" of the last message as "orderId"</example>
    /// <waits>no: it reads the last message received so far; `… of the next message as …` waits for one</waits>
    [StepDefinition("{who} remember(s) {string} of the last message as {string}")]
    public void FromLastMessage(ConnectionName who, string path, string name)
    {
        var session = connections[who];
        var none = session.Log.Snapshot().ReceivedMessages().Count > 0 ? "no message has arrived besides those the connection ignores" : "no message has arrived";
        values.Remember(name, MessageValue.At(session.LastMessage, path, name, "the last message", none), SecretNames.Looks(path));
    }

    /// <summary>
    /// Waits for the next message not yet taken by a "next" step, takes it, and remembers the value
    /// at a JSON path of it.
    /// </summary>
    /// <example>When "Bob" remembers "$.seq" of the next message as "first"</example>
    [StepDefinition("{who} remember(s) {string} of the next message as {string}{within}")]
    public async Task FromNextMessage(ConnectionName who, string path, string name, Within within = default)
    {
        var session = connections[who];
        await session.ShouldReceiveNextAsync(MessageCheck.Any, within.Or(settings.Timeout));
        values.Remember(name, MessageValue.At(session.LastMatched, path, name, "the next message", "no message has arrived"), SecretNames.Looks(path));
    }

    /// <summary>Remembers the value at a JSON path of the message that met the last expectation ("a message containing …", "the next message where …").</summary>
    /// <example>When I remember "$.order.id" of the message that matched as "orderId"</example>
    /// <waits>no: it reads the message the last waiting sentence matched</waits>
    [StepDefinition("{who} remember(s) {string} of the message that matched as {string}")]
    public void FromMatchedMessage(ConnectionName who, string path, string name) =>
        values.Remember(name, MessageValue.At(connections[who].LastMatched, path, name, "the message that matched", "no expectation has matched a message yet"), SecretNames.Looks(path));

    /// <summary>Remembers a header of the server's answer to the opening handshake (several values joined by ", ").</summary>
    /// <example>When I remember the handshake header "X-Session-Id" as "session"</example>
    [StepDefinition("{who} remember(s) the handshake header {string} as {string}")]
    public void FromHandshakeHeader(ConnectionName who, string header, string name)
    {
        var handshake = connections[who].Handshake;
        var value = handshake?.Header(header) ?? throw new NothingToRememberException(
            name, $"the handshake answer has no header \"{header}\"; it had: {handshake?.HeaderNames ?? "none"}.");
        values.Remember(name, value, SecretNames.Looks(header));
    }

    /// <summary>Remembers the text as written (after its own <c>${…}</c> are put in).</summary>
    /// <example>Given I remember "Ada" as "user"</example>
    [StepDefinition("I remember {string} as {string}")]
    public void Text(string text, string name) => values.Remember(name, text);

    /// <summary>Remembers a new unique id (a GUID, as in <c>0f8fad5b-d9cb-469f-a165-70867728950e</c>), different in every run.</summary>
    /// <example>Given I remember a unique id as "requestId"</example>
    [StepDefinition("I remember a unique id as {string}")]
    public void UniqueId(string name) => values.Remember(name, Guid.NewGuid().ToString());

    /// <summary>Remembers the current time, in UTC, as ISO 8601 with milliseconds (<c>2026-11-26T20:30:00.123Z</c>).</summary>
    /// <example>Given I remember the current time as "sentAt"</example>
    [StepDefinition("I remember the current time as {string}")]
    public void CurrentTime(string name) => values.Remember(name, DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The name is a secret: its value is masked as <c>***</c> in the report, the console and failure
    /// messages, whether the scenario remembered it before this step, remembers it later, or reads
    /// <c>${name}</c> from the environment variable of that name. Mark it before the step that
    /// remembers it, so that the message carrying it is masked too. A name that by the scenario's end
    /// is neither remembered nor an environment variable fails the scenario (a misspelt name would
    /// mask nothing). Names like <c>token</c> or <c>password</c> are secret without it.
    /// </summary>
    /// <example>Given the remembered value "sessionKey" is secret</example>
    [StepDefinition("the remembered value {string} is secret")]
    public void Secret(string name) => values.MarkSecret(name);
}
