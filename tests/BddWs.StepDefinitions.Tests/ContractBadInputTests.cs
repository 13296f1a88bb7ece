using BddWs.StepDefinitions.Tests.Helpers;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>A contract the suite cannot use stops the step that names it, with one line saying why.</summary>
public sealed class ContractBadInputTests
{
    [Fact]
    public async Task A_missing_contract_file_says_where_it_was_looked_for()
    {
        await using var steps = await ConnectedAsync(_ => []);

        FailureOf(() => steps.Contract.Follows("contracts/none.yaml")).Should().Be(
            $"There is no file \"contracts/none.yaml\" next to the feature: looked for {Path.Combine(steps.Files.Folder, "contracts", "none.yaml")}.");
    }

    [Theory]
    [InlineData("asyncapi: 3.0.0\nchannels: [a\n", "The contract \"c.yaml\" is not valid YAML (line 3, column 1): While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("{ \"asyncapi\": \"2.6.0\", }", "The contract \"c.yaml\" is not valid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options, at line 1, character 24.")]
    [InlineData("asyncapi: 1.2.0\n", "The contract \"c.yaml\" is AsyncAPI 1.2.0; the suite reads AsyncAPI 2.0.0 to 2.6.0, 3.0.0 and 3.1.0.")]
    [InlineData("openapi: 3.1.0\n", "The contract \"c.yaml\" is not an AsyncAPI document: it has no \"asyncapi\" version.")]
    [InlineData("- just\n- a list\n", "The contract \"c.yaml\" is not an AsyncAPI document: it has no \"asyncapi\" version.")]
    [InlineData("asyncapi: 2.6.0\ninfo: { title: C, version: '1' }\nchannels:\n  /json:\n    subscribe:\n      message: { $ref: '#/components/messages/sum' }\n",
        "The contract \"c.yaml\" refers to \"#/components/messages/sum\", which it does not contain.")]
    [InlineData("asyncapi: 2.6.0\ninfo: { title: C, version: '1' }\nchannels:\n  /json:\n    subscribe:\n      message: { payload: { $ref: '#/components/schemas/Sum' } }\n",
        "The contract \"c.yaml\" refers to \"#/components/schemas/Sum\", which it does not contain.")]
    [InlineData("asyncapi: 2.6.0\ninfo: { title: C, version: '1' }\nchannels:\n  /json:\n    subscribe:\n      message: { payload: { $ref: 'common.yaml#/Sum' } }\n",
        "The contract \"c.yaml\" refers to \"common.yaml#/Sum\", outside itself; only references within the contract (\"#/components/…\") are read.")]
    [InlineData("asyncapi: 2.6.0\ninfo: { title: C, version: '1' }\nchannels:\n  /json:\n    subscribe:\n      message: { payload: { $ref: '#/components/schemas/Node' } }\ncomponents:\n  schemas:\n    Node: { properties: { next: { $ref: '#/components/schemas/Node' } } }\n",
        "The contract \"c.yaml\" refers to \"#/components/schemas/Node\" within itself, in a loop; the suite reads only schemas that do not refer to themselves.")]
    [InlineData("asyncapi: 2.6.0\ninfo: { title: C, version: '1' }\nchannels:\n  /json:\n    subscribe:\n      message: { name: sum, payload: { type: 12 } }\n",
        "The contract \"c.yaml\" is not valid AsyncAPI 2.6.0: at $.channels['/json'].subscribe.message.payload.type: 12 is not one of \"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\".")]
    [InlineData("asyncapi: 3.0.0\ninfo: { title: C, version: '1' }\nchannels:\n  json: { address: /json }\noperations:\n  go: { action: publish, channel: { $ref: '#/channels/json' } }\n",
        "The contract \"c.yaml\" is not valid AsyncAPI 3.0.0: at $.operations.go.action: \"publish\" is not one of \"send\", \"receive\".")]
    [InlineData("asyncapi: 3.0.0\ninfo: { title: C, version: '1' }\nchannels:\n  json: { address: /json }\noperations:\n  go: { action: send, channel: { $ref: '#/channels/other' } }\n",
        "The contract \"c.yaml\" refers to \"#/channels/other\", which it does not contain.")]
    [InlineData("asyncapi: 3.1.0\ninfo: { version: '1' }\n",
        "The contract \"c.yaml\" is not valid AsyncAPI 3.1.0: at $.info: \"title\" is required but missing.")]
    [InlineData("asyncapi: 3.0.0\ninfo: { title: C, version: '1' }\nchannels:\n  json:\n    address: /json\n    messages:\n      sum:\n        payload: { schemaFormat: 'application/vnd.apache.avro;version=1.9.0', schema: { type: int } }\noperations:\n  go: { action: send, channel: { $ref: '#/channels/json' } }\n",
        "The contract \"c.yaml\" writes the payload of the message \"sum\" as \"application/vnd.apache.avro;version=1.9.0\", which the suite cannot judge messages by; it reads AsyncAPI schema (application/vnd.aai.asyncapi, +json, +yaml) or JSON Schema draft-07, 2019-09, 2020-12 (application/schema+json or +yaml).")]
    public async Task A_contract_that_cannot_be_used_stops_the_step_with_one_line(string text, string expected)
    {
        await using var steps = await ConnectedAsync(_ => []);
        steps.WriteFile("c.yaml", text);

        var failure = FailureOf(() => steps.Contract.Follows("c.yaml"));

        failure.Should().Be(expected);
    }
}
