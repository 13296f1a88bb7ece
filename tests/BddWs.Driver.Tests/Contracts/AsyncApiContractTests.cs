using BddWs.Driver.Contracts;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests.Contracts;

/// <summary>AsyncAPI 2.6 and 3.0 documents, in YAML and JSON, read as channels with the messages each way.</summary>
public sealed class AsyncApiContractTests
{
    private const string Chat26 = """
        asyncapi: '2.6.0'
        info: { title: Chat, version: '1' }
        channels:
          /rooms/{room}:
            publish:
              message:
                oneOf:
                  - { name: say, payload: { type: object, required: [text], properties: { text: { type: string } } } }
                  - { messageId: leave }
            subscribe:
              message: { $ref: '#/components/messages/said' }
        components:
          messages:
            said:
              payload:
                type: object
                properties:
                  code: { const: '12' }
                  count: { const: 12 }
                  flag: { const: true }
        """;

    private const string Echo30 = """
        {
          "asyncapi": "3.0.0",
          "info": { "title": "Echo", "version": "1" },
          "channels": {
            "echo": { "address": "/ws", "messages": { "text": { "payload": { "type": "string" } }, "note": { "name": "note" } } },
            "later": { "address": null, "messages": { "any": {} } }
          },
          "operations": {
            "echoBack": { "action": "send", "channel": { "$ref": "#/channels/echo" } }
          }
        }
        """;

    [Fact]
    public void In_2_6_publish_is_what_the_client_sends_and_subscribe_what_it_receives()
    {
        var contract = AsyncApiContract.Read("chat.yaml", Chat26, "chat.yaml");

        var channel = contract.ChannelFor(new Uri("ws://host/rooms/lobby?x=1"));
        channel.Should().NotBeNull();
        channel!.Sent.Select(m => m.Name).Should().Equal("say", "leave");
        channel.Received.Select(m => m.Name).Should().Equal("said");
        contract.ChannelFor(new Uri("ws://host/rooms/a/b")).Should().BeNull("a parameter stands for one path segment");
    }

    [Fact]
    public void Quoted_YAML_scalars_stay_text_and_plain_ones_are_numbers_and_booleans()
    {
        var said = AsyncApiContract.Read("chat.yaml", Chat26, "chat.yaml").Message("said").Schema;

        said.ErrorsIn(WebSocketMessage.FromText("{\"code\":\"12\",\"count\":12,\"flag\":true}")).Should().BeEmpty();
        said.ErrorsIn(WebSocketMessage.FromText("{\"code\":12}")).Should().Equal("at $.code: expected \"12\"");
    }

    [Fact]
    public void In_3_0_send_is_what_the_client_receives_and_an_operation_without_messages_takes_all_its_channel_has()
    {
        var contract = AsyncApiContract.Read("echo.json", Echo30, "echo.json");

        contract.Channels.Should().ContainSingle("a channel without an address serves no path");
        var channel = contract.ChannelFor(new Uri("ws://host/ws"))!;
        channel.Received.Select(m => m.Name).Should().Equal("text", "note");
        channel.Sent.Should().BeEmpty();
        contract.Message("text").Schema.ErrorsIn(WebSocketMessage.FromText("{\"a\":1}")).Should().Equal("at $: value is \"object\" but should be \"string\"");
        contract.Message("note").Schema.ErrorsIn(WebSocketMessage.FromText("[1]")).Should().BeEmpty("a message without a payload allows any");
    }
}
