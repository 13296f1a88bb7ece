using BddWs.Driver.Contracts;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests.Contracts;

/// <summary>
/// A payload read as AsyncAPI defines it: by default an AsyncAPI Schema Object (JSON Schema draft-07 and
/// AsyncAPI's own keywords), else in the JSON Schema draft its <c>schemaFormat</c> names.
/// </summary>
public sealed class AsyncApiPayloadTests
{
    [Theory]
    [InlineData("2.6.0")]
    [InlineData("3.0.0")]
    [InlineData("3.1.0")]
    public void A_draft_07_tuple_is_read_as_draft_07(string version)
    {
        var pair = Payload(version, "{ type: array, items: [ { type: string }, { type: number } ], additionalItems: false }");

        Errors(pair, "[\"a\", 1]").Should().BeEmpty();
        Errors(pair, "[\"a\", \"b\"]").Should().Equal("at $[1]: value is \"string\" but should be \"number\"");
        Errors(pair, "[\"a\", 1, 2]").Should().Equal("at $[2]: not allowed by the schema");
    }

    [Fact]
    public void Format_is_an_annotation_as_draft_07_says()
    {
        var email = Payload("3.0.0", "{ type: string, format: email }");

        Errors(email, "\"not an address\"").Should().BeEmpty();
    }

    [Fact]
    public void Format_is_asserted_when_the_team_opts_in()
    {
        var email = Payload("3.0.0", "{ type: string, format: email }", formatAsserted: true);

        Errors(email, "\"ada@example.com\"").Should().BeEmpty();
        Errors(email, "\"not an address\"").Should().Equal("at $: value does not match format \"email\"");
    }

    [Fact]
    public void AsyncAPI_s_own_keywords_do_not_stand_in_the_way()
    {
        var pet = Payload("2.6.0", """
            type: object
            discriminator: kind
            deprecated: true
            externalDocs: { url: 'https://example.com/pets' }
            examples: [ { kind: cat } ]
            required: [kind]
            properties: { kind: { type: string, example: cat } }
            """);

        Errors(pet, "{\"kind\":\"cat\"}").Should().BeEmpty();
        Errors(pet, "{}").Should().Equal("at $: required properties [\"kind\"] are not present");
    }

    [Fact]
    public void In_2_x_a_message_s_schemaFormat_names_the_draft_its_payload_is_in()
    {
        var contract = Contract26("""
            schemaFormat: 'application/schema+json;version=2020-12'
            payload: { type: array, prefixItems: [ { type: string } ] }
            """);

        // Draft-07 would ignore prefixItems, a 2020-12 keyword, and let [1] pass.
        Errors(contract.Message("pair").Schema, "[\"a\"]").Should().BeEmpty();
        Errors(contract.Message("pair").Schema, "[1]").Should().Equal("at $[0]: value is \"integer\" but should be \"string\"");
    }

    [Theory]
    [InlineData("application/schema+json;version=draft-07")]
    [InlineData("application/schema+yaml;version=draft-07")]
    [InlineData("application/vnd.aai.asyncapi+json;version=3.0.0")]
    [InlineData("application/vnd.aai.asyncapi+yaml;version=3.0.0")]
    [InlineData("application/vnd.aai.asyncapi;version=3.0.0")]
    public void In_3_x_a_multi_format_schema_in_a_draft_07_format_is_read_as_draft_07(string format)
    {
        var contract = Contract30($$"""
            payload:
              schemaFormat: '{{format}}'
              schema: { type: array, items: [ { type: string } ], additionalItems: false }
            """);

        Errors(contract.Message("pair").Schema, "[\"a\"]").Should().BeEmpty();
        Errors(contract.Message("pair").Schema, "[\"a\", 1]").Should().Equal("at $[1]: not allowed by the schema");
    }

    [Fact]
    public void In_3_x_a_multi_format_schema_in_2019_09_is_read_as_2019_09()
    {
        var contract = Contract30("""
            payload:
              schemaFormat: 'application/schema+json;version=2019-09'
              schema: { type: object, properties: { a: { type: integer } }, unevaluatedProperties: false }
            """);

        Errors(contract.Message("pair").Schema, "{\"a\":1}").Should().BeEmpty();
        Errors(contract.Message("pair").Schema, "{\"a\":1,\"b\":2}").Should().NotBeEmpty("unevaluatedProperties is a 2019-09 keyword");
    }

    [Fact]
    public void A_payload_in_Avro_is_refused_in_3_x_naming_the_message_and_the_format()
    {
        var read = () => Contract30("""
            payload:
              schemaFormat: 'application/vnd.apache.avro;version=1.9.0'
              schema: { type: record, name: Pair, fields: [ { name: a, type: string } ] }
            """);

        read.Should().Throw<FormatException>().Which.Message.Should().Be(
            "The contract \"c.yaml\" writes the payload of the message \"pair\" as \"application/vnd.apache.avro;version=1.9.0\", which the suite cannot judge messages by; it reads AsyncAPI schema (application/vnd.aai.asyncapi, +json, +yaml) or JSON Schema draft-07, 2019-09, 2020-12 (application/schema+json or +yaml).");
    }

    [Fact]
    public void A_payload_in_RAML_is_refused_in_2_x_naming_the_message_and_the_format()
    {
        var read = () => Contract26("""
            schemaFormat: 'application/raml+yaml;version=1.0'
            payload: { type: string }
            """);

        read.Should().Throw<FormatException>().Which.Message.Should().Be(
            "The contract \"c.yaml\" writes the payload of the message \"pair\" as \"application/raml+yaml;version=1.0\", which the suite cannot judge messages by; it reads AsyncAPI schema (application/vnd.aai.asyncapi, +json, +yaml) or JSON Schema draft-07, 2019-09, 2020-12 (application/schema+json or +yaml).");
    }

    private static Json.JsonSchemaFile Payload(string version, string payload, bool formatAsserted = false)
    {
        var message = "payload:\n  " + payload.Replace("\n", "\n  ");
        var contract = version.StartsWith('2') ? Contract26(message, version, formatAsserted) : Contract30(message, version, formatAsserted);
        return contract.Message("pair").Schema;
    }

    /// <summary>A 2.x contract whose one channel, /pairs, sends the message "pair" written as <paramref name="message"/> (YAML, unindented).</summary>
    private static AsyncApiContract Contract26(string message, string version = "2.6.0", bool formatAsserted = false) => AsyncApiContract.Read("c.yaml", $$"""
        asyncapi: {{version}}
        info: { title: Pairs, version: '1' }
        channels:
          /pairs:
            subscribe:
              message: { $ref: '#/components/messages/pair' }
        components:
          messages:
            pair:
              {{Indented(message, 6)}}
        """, "c.yaml", formatAsserted);

    /// <summary>A 3.x contract whose one channel, /pairs, sends the message "pair" written as <paramref name="message"/> (YAML, unindented).</summary>
    private static AsyncApiContract Contract30(string message, string version = "3.0.0", bool formatAsserted = false) => AsyncApiContract.Read("c.yaml", $$"""
        asyncapi: {{version}}
        info: { title: Pairs, version: '1' }
        channels:
          pairs:
            address: /pairs
            messages:
              pair:
                {{Indented(message, 8)}}
        operations:
          tell:
            action: send
            channel: { $ref: '#/channels/pairs' }
        """, "c.yaml", formatAsserted);

    private static string Indented(string text, int spaces) => text.Replace("\n", "\n" + new string(' ', spaces));

    private static IReadOnlyList<string> Errors(Json.JsonSchemaFile schema, string message) =>
        schema.ErrorsIn(WebSocketMessage.FromText(message));
}
