using System.Net.WebSockets;
using System.Text;
using BddWs.Driver;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests;

/// <summary>A message keeps the text it was made from, without changing what it is: its bytes decide.</summary>
public sealed class WebSocketMessageTests
{
    [Fact]
    public void A_text_reads_as_it_was_made_and_as_its_bytes_say()
    {
        var message = WebSocketMessage.FromText("Hello, ✓ 😀");

        message.Text.Should().Be("Hello, ✓ 😀");
        Encoding.UTF8.GetString(message.Bytes).Should().Be(message.Text);
    }

    [Fact]
    public void A_lone_surrogate_reads_as_it_was_sent_not_as_it_was_written()
    {
        var message = WebSocketMessage.FromText("broken \uD800 half");

        message.Text.Should().Be("broken \uFFFD half", "the bytes sent carry the replacement character");
    }

    [Fact]
    public void Equality_and_copies_go_by_type_and_bytes()
    {
        var message = WebSocketMessage.FromText("one");
        var decoded = new WebSocketMessage(WebSocketMessageType.Text, message.Bytes);

        decoded.Should().Be(message);
        decoded.GetHashCode().Should().Be(message.GetHashCode());
        (message with { Bytes = "two"u8.ToArray() }).Text.Should().Be("two");
        (message with { Type = WebSocketMessageType.Binary }).Should().NotBe(message);
    }
}
