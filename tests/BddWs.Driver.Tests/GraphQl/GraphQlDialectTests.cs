using BddWs.Driver.GraphQl;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests.GraphQl;

/// <summary>How GraphQL messages read in failures and the report, which of them are plumbing, and how they tie to operations.</summary>
public sealed class GraphQlDialectTests
{
    private static readonly GraphQlDialect Dialect = GraphQlDialect.Instance;

    [Theory]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":"subscription OrderPlaced($customer: String) { orderPlaced(customer: $customer) { id } }","variables":{"customer":"ada"}}}""", "subscribe #1 OrderPlaced(customer: \"ada\")")]
    [InlineData("""{"id":"2","type":"subscribe","payload":{"operationName":"Mine","query":"query Other { order(id: 1) { id } }"}}""", "subscribe #2 Mine()")]
    [InlineData("""{"id":"3","type":"subscribe","payload":{"query":"{ order(id: \"7\") { id } }"}}""", "subscribe #3 order()")]
    [InlineData("""{"id":"1","type":"next","payload":{"data":{"orderPlaced":{"id":"7"}}}}""", """next #1 {"data":{"orderPlaced":{"id":"7"}}}""")]
    [InlineData("""{"id":"1","type":"error","payload":[{"message":"Unknown argument"}]}""", """error #1 [{"message":"Unknown argument"}]""")]
    [InlineData("""{"id":"1","type":"complete"}""", "complete #1")]
    [InlineData("""{"type":"connection_init","payload":{"token":"x"}}""", """connection_init {"token":"x"}""")]
    [InlineData("""{"type":"ping"}""", "ping")]
    [InlineData("hello", "\"hello\" (not a GraphQL message)")]
    public void A_message_reads_in_the_protocols_words(string text, string shown) =>
        Dialect.Shown(WebSocketMessage.FromText(text), MessageDirection.Received).Should().Be(shown);

    [Theory]
    [InlineData("""{"type":"connection_init"}""", true)]
    [InlineData("""{"type":"connection_ack"}""", true)]
    [InlineData("""{"type":"ping","payload":{}}""", true)]
    [InlineData("""{"type":"pong"}""", true)]
    [InlineData("""{"id":"1","type":"next","payload":{}}""", false)]
    [InlineData("""{"id":"1","type":"complete"}""", false)]
    [InlineData("not json", false)]
    public void The_opening_and_keep_alives_are_plumbing(string text, bool plumbing) =>
        Dialect.IsPlumbing(WebSocketMessage.FromText(text)).Should().Be(plumbing);

    [Fact]
    public void A_message_ties_to_its_operation_by_id_and_a_frame_is_one_message()
    {
        Dialect.ReplyId(WebSocketMessage.FromText("""{"id":"4","type":"next","payload":{}}""")).Should().Be("4");
        Dialect.ReplyId(WebSocketMessage.FromText("""{"type":"ping"}""")).Should().BeNull();
        Dialect.Split("""{"type":"ping"}""").Should().Equal("""{"type":"ping"}""");
        Dialect.Frame("""{"type":"pong"}""").Should().Be("""{"type":"pong"}""");
        Dialect.RecordNoun.Should().Be("GraphQL message");
    }

    [Fact]
    public void A_long_result_is_shortened()
    {
        var text = "{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{\"text\":\"" + new string('a', 300) + "\"}}}";
        var shown = Dialect.Shown(WebSocketMessage.FromText(text), MessageDirection.Received);
        shown.Should().StartWith("next #1 {\"data\":{\"text\":\"aaa").And.EndWith("… (320 characters)");
    }
}
