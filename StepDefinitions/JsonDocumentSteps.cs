using BddWs.Driver;
using BddWs.Driver.Json;
using BddWs.Driver.Values;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// JSON messages compared as whole documents: key order, white space and how a number is written
/// (<c>1.0</c>, <c>1</c>) do not matter. "Equal to" allows no field more or less; "containing"
/// allows received objects more fields, at any depth. Arrays compare element by element and must
/// have the same length (in "containing", each element contains the expected one). In the expected
/// document the placeholders of every expected JSON value (<see cref="JsonPlaceholder"/>) stand for a kind
/// of value: <c>"(any)"</c> or <c>"(present)"</c>, <c>"(any string)"</c>, <c>"(any number)"</c>,
/// <c>"(matching ^A-\d+$)"</c>, <c>"(missing)"</c>, and <c>"(remember orderId)"</c>, which is remembered as
/// <c>${orderId}</c> once the message matched (secret when the field's name looks like one).
/// </summary>
[Binding]
public sealed class JsonDocumentSteps(ScenarioConnections connections, ScenarioValues values, SuiteSettings settings)
{
    /// <summary>
    /// Some message so far is this JSON document, no field more or less (key order, white space and
    /// number notation aside: <c>1.0</c> is <c>1</c>). Placeholders: <c>"(any)"</c> or <c>"(present)"</c> any value,
    /// <c>"(any string)"</c>, <c>"(any number)"</c>, <c>"(matching ^A-\d+$)"</c>, <c>"(missing)"</c> no such field,
    /// <c>"(remember name)"</c> any value, remembered as <c>${name}</c> (secret when the field's name looks like a credential).
    /// </summary>
    /// <example>
    /// Then I receive a JSON message equal to:
    ///   """
    ///   { "type": "greeting", "text": "Hello, Ada!", "to": { "name": "Ada" } }
    ///   """
    /// </example>
    [Then("{who} receive(s){within} a JSON message equal to:")]
    public Task EqualTo(ConnectionName who, Within within, string json) =>
        MeetAsync(who, JsonDocumentPattern.EqualTo(json), within.Or(settings.Timeout));

    /// <summary>
    /// Some message so far contains this JSON document: every field it names, with its value, at any
    /// depth; the message may have more fields. Arrays must have the same length, each element containing
    /// the expected one. Placeholders such as <c>"(any number)"</c> and <c>"(remember orderId)"</c> allowed.
    /// </summary>
    /// <example>
    /// Then I receive a JSON message containing:
    ///   """
    ///   { "type": "greeting", "to": { "name": "(remember name)" } }
    ///   """
    /// </example>
    [Then("{who} receive(s){within} a JSON message containing:")]
    public Task Containing(ConnectionName who, Within within, string json) =>
        MeetAsync(who, JsonDocumentPattern.Containing(json), within.Or(settings.Timeout));

    /// <summary>The next message (see "the next message contains") is this JSON document, no field more or less.</summary>
    /// <example>
    /// Then the next message is a JSON message equal to:
    ///   """
    ///   { "type": "tick", "seq": 1 }
    ///   """
    /// </example>
    [Then("the next message{within} is a JSON message equal to:")]
    public Task NextEqualTo(Within within, string json) => NextToEqualTo(ConnectionName.Default, within, json);

    /// <summary>The next message to a named connection is this JSON document, no field more or less.</summary>
    /// <example>
    /// Then the next message to "Bob" is a JSON message equal to:
    ///   """
    ///   { "type": "tick", "seq": "(any number)" }
    ///   """
    /// </example>
    [Then("the next message to {who}{within} is a JSON message equal to:")]
    public Task NextToEqualTo(ConnectionName who, Within within, string json) => NextAsync(who, JsonDocumentPattern.EqualTo(json), within);

    /// <summary>The next message contains this JSON document (it may have more fields).</summary>
    /// <example>
    /// Then the next message is a JSON message containing:
    ///   """
    ///   { "type": "tick" }
    ///   """
    /// </example>
    [Then("the next message{within} is a JSON message containing:")]
    public Task NextContaining(Within within, string json) => NextToContaining(ConnectionName.Default, within, json);

    /// <summary>The next message to a named connection contains this JSON document.</summary>
    /// <example>
    /// Then the next message to "Bob" is a JSON message containing:
    ///   """
    ///   { "seq": "(remember first)" }
    ///   """
    /// </example>
    [Then("the next message to {who}{within} is a JSON message containing:")]
    public Task NextToContaining(ConnectionName who, Within within, string json) => NextAsync(who, JsonDocumentPattern.Containing(json), within);

    private async Task MeetAsync(ConnectionName who, JsonDocumentPattern pattern, TimeSpan within)
    {
        await connections[who].ShouldMeetAsync(Expect.AnyMessage(pattern.Check()), within);
        pattern.RememberFrom(connections[who].LastMatched, values);
    }

    private async Task NextAsync(ConnectionName who, JsonDocumentPattern pattern, Within within)
    {
        await connections[who].ShouldReceiveNextAsync(pattern.Check(), within.Or(settings.Timeout));
        pattern.RememberFrom(connections[who].LastMatched, values);
    }
}
