using System.Text.Json.Nodes;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

namespace BddWs.Server.Tests;

/// <summary>
/// The JSON Schema files of the orders service in <c>features/schemas/</c>, which features check
/// messages against: each is draft 2020-12, and the messages carrying an order embed the very
/// document of <c>order.json</c> (each file stands alone, so no reference has to be resolved).
/// </summary>
public sealed class OrderSchemaFilesTests
{
    private static readonly string Folder = Repository.PathOf("features/schemas");

    // Named rather than listed from the folder: features may keep schemas of other services there.
    public static TheoryData<string> Files =>
    [
        "order.json", "login.json", "api-error.json", "welcome.json", "subscribed.json", "order-reply.json",
        "error.json", "order-created.json", "order-cancelled.json", "heartbeat.json",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_is_a_draft_2020_12_schema_of_an_object(string file)
    {
        var schema = Read(file);

        schema["$schema"]!.GetValue<string>().Should().Be("https://json-schema.org/draft/2020-12/schema");
        schema["type"]!.GetValue<string>().Should().Be("object");
        schema["title"]!.GetValue<string>().Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("order-created.json")]
    [InlineData("order-reply.json")]
    public void A_message_carrying_an_order_embeds_the_order_document(string file)
    {
        var document = Read("order.json");
        foreach (var annotation in new[] { "$schema", "title", "description" })
        {
            document.Remove(annotation);
        }

        var embedded = Read(file)["$defs"]!["order"];

        JsonNode.DeepEquals(embedded, document).Should().BeTrue($"{file} must describe the order as order.json does");
    }

    private static JsonObject Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();
}
