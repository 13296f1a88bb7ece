using BddWs.Driver.Hubs;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests.Hubs;

/// <summary>Which hub records are plumbing: the handshake and pings, whatever their spelling; nothing else.</summary>
public sealed class HubPlumbingTests
{
    [Theory]
    [InlineData("""{"protocol":"json","version":1}""", true)]
    [InlineData("""{}""", true)]
    [InlineData("""{"error":"no"}""", true)]
    [InlineData("""{"type":6}""", true)]
    [InlineData(""" { "type" : 6 , "x":[1,{"type":1}] } """, true)]
    [InlineData("""{"\u0074ype":6}""", true)]
    [InlineData("""{"type":1,"target":"A","arguments":[{"type":6}]}""", false)]
    [InlineData("""{"type":3,"invocationId":"1","result":{"type":6}}""", false)]
    [InlineData("""{"type":7}""", false)]
    [InlineData("""{"type":6.5}""", false)]
    [InlineData("""{"type":"6"}""", false)]
    [InlineData("""{"type":99}""", false)]
    [InlineData("""{"type":1} trailing""", false)]
    [InlineData("""{"type":6""", false)]
    [InlineData("""[{"type":6}]""", false)]
    [InlineData("""ping""", false)]
    [InlineData("", false)]
    public void The_handshake_and_pings_are_plumbing(string text, bool plumbing) =>
        HubRecord.IsPlumbing(WebSocketMessage.FromText(text)).Should().Be(plumbing);

    [Fact]
    public void A_binary_message_is_not_plumbing() =>
        HubRecord.IsPlumbing(WebSocketMessage.FromBytes("""{"type":6}"""u8.ToArray())).Should().BeFalse();
}
