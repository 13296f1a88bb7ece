using System.Net.WebSockets;
using BddWs.Driver.SocketIo;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests.SocketIo;

/// <summary>How Socket.IO packets read in the report and in failures, which are plumbing, and what is no packet at all.</summary>
public sealed class SocketIoDialectTests
{
    private static readonly SocketIoDialect Dialect = SocketIoDialect.Instance;

    [Theory]
    [InlineData("42[\"chat\",\"hi\"]", MessageDirection.Sent, "emit \"chat\" [\"hi\"]")]
    [InlineData("42/chat,[\"chat\",\"ada\",\"hi\"]", MessageDirection.Received, "\"chat\" [\"ada\",\"hi\"]")]
    [InlineData("42/chat,7[\"order\",{\"item\":\"book\"}]", MessageDirection.Sent, "emit \"order\" [{\"item\":\"book\"}] #7")]
    [InlineData("43/chat,3[\"ok\"]", MessageDirection.Received, "ack #3 [\"ok\"]")]
    [InlineData("41/chat,", MessageDirection.Received, "disconnect")]
    [InlineData("44/chat,{\"message\":\"not authorized\"}", MessageDirection.Received, "connect_error {\"message\":\"not authorized\"}")]
    [InlineData("40/chat,{\"token\":\"x\"}", MessageDirection.Sent, "connect /chat {\"token\":\"x\"}")]
    [InlineData("2", MessageDirection.Received, "ping")]
    [InlineData("3", MessageDirection.Sent, "pong")]
    [InlineData("9x", MessageDirection.Received, "\"9x\" (an Engine.IO packet of unknown type \"9\")")]
    [InlineData("42/chat,[1,2]", MessageDirection.Received, "\"42/chat,[1,2]\" (a Socket.IO event without a name)")]
    [InlineData("42[\"chat\",", MessageDirection.Received, "\"42[\"chat\",\" (a Socket.IO packet whose payload is not JSON)")]
    public void A_packet_reads_in_socket_io_words(string frame, MessageDirection direction, string shown) =>
        Dialect.Shown(WebSocketMessage.FromText(frame), direction).Should().Be(shown);

    [Theory]
    [InlineData("0{\"sid\":\"a\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}", true)]
    [InlineData("2", true)]
    [InlineData("3", true)]
    [InlineData("40/chat,{\"sid\":\"b\"}", true)]
    [InlineData("44/chat,{\"message\":\"not authorized\"}", false)]
    [InlineData("42[\"chat\",\"hi\"]", false)]
    [InlineData("41", false)]
    [InlineData("9x", false)]
    public void The_handshake_pings_and_connects_are_plumbing(string frame, bool plumbing) =>
        Dialect.IsPlumbing(WebSocketMessage.FromText(frame)).Should().Be(plumbing);

    [Fact]
    public void An_event_and_its_acknowledgement_share_the_id_and_a_frame_is_one_record()
    {
        Dialect.ReplyId(WebSocketMessage.FromText("42/chat,12[\"order\",{}]")).Should().Be("12");
        Dialect.ReplyId(WebSocketMessage.FromText("43/chat,12[\"ok\"]")).Should().Be("12");
        Dialect.ReplyId(WebSocketMessage.FromText("42[\"chat\"]")).Should().BeNull();
        Dialect.Split("42[\"a\",\"\\u001e\"]").Should().Equal("42[\"a\",\"\\u001e\"]");
        Dialect.Frame("3").Should().Be("3");
        Dialect.RecordNoun.Should().Be("Socket.IO packet");
    }

    [Fact]
    public void A_binary_frame_is_an_attachment()
    {
        var attachment = new WebSocketMessage(WebSocketMessageType.Binary, [1, 2, 3]);

        Dialect.Shown(attachment, MessageDirection.Received).Should().Be("attachment (3 bytes)");
        Dialect.IsPlumbing(attachment).Should().BeFalse();
    }

    [Fact]
    public void A_packet_goes_on_the_wire_as_socket_io_writes_it()
    {
        new SocketIoPacket { Engine = EnginePacketType.Message, Type = SocketIoPacketType.Event, Namespace = "/chat", AckId = 4, Data = new System.Text.Json.Nodes.JsonArray("order", 2) }
            .Frame().Should().Be("42/chat,4[\"order\",2]");
        new SocketIoPacket { Engine = EnginePacketType.Message, Type = SocketIoPacketType.Connect }.Frame().Should().Be("40");
        new SocketIoPacket { Engine = EnginePacketType.Pong }.Frame().Should().Be("3");
    }
}
