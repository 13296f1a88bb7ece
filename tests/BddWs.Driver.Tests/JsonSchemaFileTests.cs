using BddWs.Driver;
using BddWs.Driver.Json;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests;

/// <summary>A JSON Schema file read, and its errors told with the path of each.</summary>
public sealed class JsonSchemaFileTests
{
    private const string Order = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["type", "order"],
          "properties": {
            "type": { "const": "order.created" },
            "order": {
              "type": "object",
              "required": ["id", "quantity"],
              "properties": { "id": { "type": "string" }, "quantity": { "type": "integer" }, "lines": { "type": "array", "items": { "type": "string" } } }
            }
          }
        }
        """;

    [Fact]
    public void A_message_that_matches_has_no_errors() =>
        JsonSchemaFile.Read("order.json", Order).ErrorsIn(Text("{\"type\":\"order.created\",\"order\":{\"id\":\"A\",\"quantity\":2}}")).Should().BeEmpty();

    [Fact]
    public void Each_error_is_told_with_the_path_where_it_is()
    {
        var schema = JsonSchemaFile.Read("schemas/order.json", Order);

        var errors = schema.ErrorsIn(Text("{\"type\":\"order.created\",\"order\":{\"quantity\":\"2\",\"lines\":[\"a\",3]}}"));

        schema.Mismatch(errors).Should().Be(
            "does not match schemas/order.json: at $.order: required properties [\"id\"] are not present; " +
            "at $.order.quantity: value is \"string\" but should be \"integer\"; at $.order.lines[1]: value is \"integer\" but should be \"string\"");
    }

    [Fact]
    public void A_field_the_schema_forbids_is_told_plainly()
    {
        var schema = JsonSchemaFile.Read("closed.json", "{ \"type\": \"object\", \"properties\": { \"a\": {} }, \"additionalProperties\": false }");

        schema.ErrorsIn(Text("{\"a\":1,\"b\":2}")).Should().Equal("at $.b: not allowed by the schema");
    }

    [Fact]
    public void A_message_that_is_not_json_is_told_so()
    {
        var schema = JsonSchemaFile.Read("order.json", Order);

        schema.ErrorsIn(Text("hello")).Should().Equal("it is not JSON");
        schema.ErrorsIn(WebSocketMessage.FromBytes([1, 2])).Should().Equal("it is binary, not JSON");
    }

    [Theory]
    [InlineData("{ \"type\": ", "The JSON schema \"bad.json\" is not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed, at line 1, character 11.")]
    [InlineData("{ \"type\": 5 }", "The file \"bad.json\" is not a valid JSON schema")]
    public void A_file_that_is_no_schema_is_told_in_one_line(string text, string message) =>
        FluentActions.Invoking(() => JsonSchemaFile.Read("bad.json", text)).Should().Throw<FormatException>().Which.Message.Should().StartWith(message);

    [Fact]
    public void A_reference_to_another_file_is_read_from_beside_the_schema()
    {
        var folder = Directory.CreateTempSubdirectory("bddws-schema-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "common.json"), "{ \"$defs\": { \"id\": { \"type\": \"string\" } } }");
            var path = Path.Combine(folder, "order.json");
            var schema = JsonSchemaFile.Read("order.json", "{ \"properties\": { \"id\": { \"$ref\": \"common.json#/$defs/id\" } } }", path);

            schema.ErrorsIn(Text("{\"id\":\"A-1\"}")).Should().BeEmpty();
            schema.ErrorsIn(Text("{\"id\":1}")).Should().Equal("at $.id: value is \"integer\" but should be \"string\"");
            FluentActions.Invoking(() => JsonSchemaFile.Read("order.json", "{ \"$ref\": \"missing.json\" }", path).ErrorsIn(Text("1")))
                .Should().Throw<FormatException>().Which.Message.Should().Be($"The JSON schema \"order.json\" refers to {Path.Combine(folder, "missing.json")}, which cannot be found.");
            File.WriteAllText(Path.Combine(folder, "broken.json"), "{");
            FluentActions.Invoking(() => JsonSchemaFile.Read("order.json", "{ \"$ref\": \"broken.json\" }", path).ErrorsIn(Text("1")))
                .Should().Throw<FormatException>().Which.Message.Should().StartWith($"The JSON schema \"order.json\" refers to {Path.Combine(folder, "broken.json")}, which is not valid JSON: ");
            FluentActions.Invoking(() => JsonSchemaFile.Load("gone.json", Path.Combine(folder, "gone", "gone.json")))
                .Should().Throw<FormatException>().Which.Message.Should().StartWith("The JSON schema \"gone.json\" cannot be read: Could not find a part of the path");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_schema_that_names_no_draft_is_read_as_2020_12()
    {
        // As 2020-12 says: format is an annotation, and a keyword it does not know is left alone.
        var schema = JsonSchemaFile.Read("loose.json", "{ \"type\": \"object\", \"example\": {}, \"properties\": { \"at\": { \"type\": \"string\", \"format\": \"date-time\" } } }");

        schema.ErrorsIn(Text("{\"at\":\"yesterday\"}")).Should().BeEmpty();
        schema.ErrorsIn(Text("{\"at\":1}")).Should().Equal("at $.at: value is \"integer\" but should be \"string\"");
    }

    private static WebSocketMessage Text(string text) => WebSocketMessage.FromText(text);
}
