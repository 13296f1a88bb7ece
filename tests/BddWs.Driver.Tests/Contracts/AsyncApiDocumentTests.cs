using BddWs.Driver.Contracts;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests.Contracts;

/// <summary>
/// A contract is checked against the official AsyncAPI JSON Schema of its version before its messages
/// are read: a mistake in it is named in one line, with its path in the contract.
/// </summary>
public sealed class AsyncApiDocumentTests
{
    private const string Valid31 = """
        asyncapi: 3.1.0
        info: { title: Pairs, version: '1' }
        channels:
          pairs:
            address: /pairs
            messages:
              pair: { payload: { type: string } }
        operations:
          tell:
            action: send
            channel: { $ref: '#/channels/pairs' }
        """;

    [Fact]
    public void AsyncAPI_3_1_is_read()
    {
        var contract = AsyncApiContract.Read("c.yaml", Valid31, "c.yaml");

        contract.ChannelFor(new Uri("ws://host/pairs"))!.Received.Select(m => m.Name).Should().Equal("pair");
    }

    [Theory]
    [InlineData("2.0.0")]
    [InlineData("2.3.0")]
    [InlineData("2.6.0")]
    public void Every_2_x_from_2_0_is_read(string version)
    {
        var contract = AsyncApiContract.Read("c.yaml", $"asyncapi: {version}\ninfo: {{ title: Pairs, version: '1' }}\nchannels:\n  /pairs:\n    subscribe:\n      message: {{ name: pair, payload: {{ type: string }} }}\n", "c.yaml");

        contract.Message("pair").Schema.ErrorsIn(WebSocketMessage.FromText("1")).Should().Equal("at $: value is \"integer\" but should be \"string\"");
    }

    [Theory]
    [InlineData("version: '1'", "version: 1",
        "The contract \"c.yaml\" is not valid AsyncAPI 3.1.0: at $.info.version: value is \"integer\" but should be \"string\".")]
    [InlineData("info: { title: Pairs, version: '1' }", "info: { version: '1' }",
        "The contract \"c.yaml\" is not valid AsyncAPI 3.1.0: at $.info: \"title\" is required but missing.")]
    [InlineData("info: { title: Pairs, version: '1' }", "info: { titel: Pairs, title: Pairs, version: '1' }",
        "The contract \"c.yaml\" is not valid AsyncAPI 3.1.0: at $.info.titel: no such field is allowed here.")]
    [InlineData("action: send", "action: publish",
        "The contract \"c.yaml\" is not valid AsyncAPI 3.1.0: at $.operations.tell.action: \"publish\" is not one of \"send\", \"receive\".")]
    [InlineData("pair: { payload: { type: string } }", "pair: { payloads: { type: string } }",
        "The contract \"c.yaml\" is not valid AsyncAPI 3.1.0: at $.channels.pairs.messages.pair.payloads: no such field is allowed here.")]
    [InlineData("pair: { payload: { type: string } }", "pair: { payload: { type: strng } }",
        "The contract \"c.yaml\" is not valid AsyncAPI 3.1.0: at $.channels.pairs.messages.pair.payload.type: \"strng\" is not one of \"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\".")]
    public void A_mistake_in_the_contract_is_named_with_its_path(string right, string wrong, string expected)
    {
        var read = () => AsyncApiContract.Read("c.yaml", Valid31.Replace(right, wrong), "c.yaml");

        read.Should().Throw<FormatException>().Which.Message.Should().Be(expected);
    }

    [Fact]
    public void A_2_x_mistake_deep_in_a_channel_is_named_with_its_path()
    {
        var read = () => AsyncApiContract.Read("orders.json", """
            { "asyncapi": "2.6.0", "info": { "title": "Orders", "version": "1" },
              "channels": { "/orders": { "subscribe": { "message": { "payload": { "type": "object", "required": "id" } } } } } }
            """, "orders.json");

        read.Should().Throw<FormatException>().Which.Message.Should().Be(
            "The contract \"orders.json\" is not valid AsyncAPI 2.6.0: at $.channels['/orders'].subscribe.message.payload.required: value is \"string\" but should be \"array\".");
    }

    [Fact]
    public void A_2_x_contract_without_channels_is_named_as_such()
    {
        var read = () => AsyncApiContract.Read("c.yaml", "asyncapi: 2.6.0\ninfo: { title: Pairs, version: '1' }\n", "c.yaml");

        read.Should().Throw<FormatException>().Which.Message.Should().Be(
            "The contract \"c.yaml\" is not valid AsyncAPI 2.6.0: at $: \"channels\" is required but missing.");
    }

    [Fact]
    public void An_unknown_version_is_named_with_those_the_suite_reads()
    {
        var read = () => AsyncApiContract.Read("c.yaml", "asyncapi: 3.2.0\ninfo: { title: Pairs, version: '1' }\n", "c.yaml");

        read.Should().Throw<FormatException>().Which.Message.Should().Be(
            "The contract \"c.yaml\" is AsyncAPI 3.2.0; the suite reads AsyncAPI 2.0.0 to 2.6.0, 3.0.0 and 3.1.0.");
    }

    [Fact]
    public void The_bundled_contracts_are_valid_AsyncAPI()
    {
        var folder = Repository.PathOf(Path.Combine("features", "contracts"));
        var files = Directory.GetFiles(folder);

        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            var load = () => AsyncApiContract.Load(Path.GetFileName(file), file);
            load.Should().NotThrow(file);
        }
    }
}
