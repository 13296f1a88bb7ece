using BddWs.Driver;
using BddWs.Driver.Json;
using BddWs.ReqnrollPlugin.Files;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// Messages checked against a JSON Schema file, named relative to the feature file's folder
/// (<c>schemas/order.json</c> beside <c>features/orders.feature</c> is <c>features/schemas/order.json</c>).
/// A failure lists the schema's errors with the path of each (<c>at $.order.quantity: …</c>).
/// </summary>
[Binding]
public sealed class JsonSchemaSteps(ScenarioConnections connections, FeatureFiles files, SuiteSettings settings)
{
    /// <summary>Some message so far matches the JSON Schema in the file (read as the draft its <c>$schema</c> names, draft 2020-12 when it names none); a failure tells the errors of the closest.</summary>
    /// <example>Then I receive a message matching the JSON schema "schemas/json-greeting.json"</example>
    [Then("{who} receive(s) a message matching the JSON schema {string}{within}")]
    public Task AnyMatches(ConnectionName who, string file, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.AnyMessage(Schema(file).Check()), within.Or(settings.Timeout));

    /// <summary>The last message received so far (or the first to come, if none has) matches the JSON Schema in the file.</summary>
    /// <example>Then the last message matches the JSON schema "schemas/json-greeting.json"</example>
    [Then("the last message matches the JSON schema {string}{within}")]
    public Task LastMatches(string file, Within within = default) => LastToMatches(ConnectionName.Default, file, within);

    /// <summary>The last message a named connection received matches the JSON Schema in the file.</summary>
    /// <example>Then the last message to "Bob" matches the JSON schema "schemas/json-tick.json"</example>
    [Then("the last message to {who} matches the JSON schema {string}{within}")]
    public Task LastToMatches(ConnectionName who, string file, Within within = default) =>
        connections[who].ShouldMeetAsync(SchemaExpect.LastMessage(Schema(file)), within.Or(settings.Timeout));

    /// <summary>
    /// Every message received so far matches the JSON Schema in the file, and there is at least one.
    /// It passes only after a round trip to the server (a ping and its pong), so a message already on
    /// its way is checked too.
    /// </summary>
    /// <example>Then every message I received matches the JSON schema "schemas/json-reply.json"</example>
    [Then("every message {who} received matches the JSON schema {string}{within}")]
    public Task EveryMatches(ConnectionName who, string file, Within within = default) =>
        connections[who].ShouldMeetAsync(SchemaExpect.EveryMessage(Schema(file)), within.Or(settings.Timeout));

    private JsonSchemaFile Schema(string file) => JsonSchemaFile.Load(file, files.PathOf(file));
}
