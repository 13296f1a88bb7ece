using BddWs.Driver;
using BddWs.Driver.Contracts;
using BddWs.Driver.Json;
using BddWs.ReqnrollPlugin.Files;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// Messages held to an AsyncAPI contract (2.0 to 2.6, 3.0 or 3.1, YAML or JSON) in a file next to the
/// feature. A connection is on a channel when its URL path is the channel's address; the contract
/// describes the service, so what the service receives is what the client sends.
/// </summary>
[Binding]
public sealed class ContractSteps(ScenarioConnections connections, ScenarioContract contract, FeatureFiles files, SuiteSettings settings)
{
    /// <summary>
    /// From this step on, every text message sent or received on a connection whose path is a channel
    /// of the AsyncAPI contract (2.0 to 2.6, 3.0 or 3.1, YAML or JSON) must fit one of that channel's
    /// messages for its direction; the step where one does not fails, naming the message and the schema
    /// errors, and the report marks it "(breaks the contract)". Connections to paths the contract has no
    /// channel for, and binary messages, are not checked. The contract is first checked against AsyncAPI's
    /// own JSON Schema for its version: a mistake in it fails this step, naming its path (<c>at $.info:
    /// "title" is required but missing</c>). Payloads are JSON Schema draft-07 with AsyncAPI's keywords
    /// (<c>format</c> is not checked unless <c>BDDWS_CONTRACT_FORMATS=assert</c>), or the draft 2019-09 or
    /// 2020-12 their <c>schemaFormat</c> names; another format (Avro, RAML, Protobuf) fails this step.
    /// </summary>
    /// <example>Given the service follows the contract "contracts/json.yaml"</example>
    [Given("the service follows the contract {string}")]
    public void Follows(string file) => contract.Follow(AsyncApiContract.Load(file, files.PathOf(file), settings.ContractFormatsAsserted));

    /// <summary>Some message so far matches the contract's message of this name; a failure tells the errors of the closest.</summary>
    /// <example>Then I receive a message matching the contract message "sum"</example>
    [Then("{who} receive(s) a message matching the contract message {string}{within}")]
    public Task AnyMatches(ConnectionName who, string message, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.AnyMessage(Schema(message).Check()), within.Or(settings.Timeout));

    /// <summary>The last message received so far (or the first to come, if none has) matches the contract's message of this name.</summary>
    /// <example>Then the last message matches the contract message "greeting"</example>
    [Then("the last message matches the contract message {string}{within}")]
    public Task LastMatches(string message, Within within = default) => LastToMatches(ConnectionName.Default, message, within);

    /// <summary>The last message a named connection received matches the contract's message of this name.</summary>
    /// <example>Then the last message to "Bob" matches the contract message "sum"</example>
    [Then("the last message to {who} matches the contract message {string}{within}")]
    public Task LastToMatches(ConnectionName who, string message, Within within = default) =>
        connections[who].ShouldMeetAsync(SchemaExpect.LastMessage(Schema(message)), within.Or(settings.Timeout));

    private JsonSchemaFile Schema(string message) => (contract.Contract
        ?? throw new InvalidOperationException($"No contract names the message \"{message}\": start the scenario with Given the service follows the contract \"…\".")).Message(message).Schema;
}
