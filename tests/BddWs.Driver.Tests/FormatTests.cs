using BddWs.Driver;
using FluentAssertions;
using Xunit;

using BddWs.Driver.Tests.Helpers;

namespace BddWs.Driver.Tests;

/// <summary>Text in failure messages and the report: what cannot be seen is shown, and two different texts never print alike.</summary>
public sealed class FormatTests
{
    [Theory]
    [InlineData("Hello", @"""Hello""")]
    [InlineData("line one\nline two", @"""line one\nline two""")]
    [InlineData(@"line one\nline two", @"""line one\\nline two""")]
    [InlineData("a\r\nb\tc", @"""a\r\nb\tc""")]
    [InlineData("Hi  ", @"""Hi␠␠""")]
    [InlineData("a b", @"""a b""")]
    [InlineData("a\u00A0b", @"""a\u00A0b""")]
    [InlineData("zero\u200Bwidth", @"""zero\u200Bwidth""")]
    [InlineData("bell\u0007", @"""bell\u0007""")]
    [InlineData("sign ␠", @"""sign \u2420""")]
    [InlineData(@"say ""hi""", @"""say ""hi""""")]
    [InlineData("ünïcödé ✓", @"""ünïcödé ✓""")]
    public void Invisible_characters_and_backslashes_show_unambiguously(string text, string shown) =>
        Format.Quoted(text).Should().Be(shown);

    [Fact]
    public void Texts_that_differ_only_in_what_cannot_be_seen_print_differently()
    {
        string[] lookalikes = ["a\nb", @"a\nb", "a b", "a\u00A0b", "a\tb", "a  b", "ab ", "ab", "a\\b", "a\\\\b", "a\u2420", "a "];

        lookalikes.Select(Format.Quoted).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(@"{""type"":""x"",""payload"":""{\u0022subscribe\u0022:1}""}", @"""{""type"":""x"",""payload"":""{\u0022subscribe\u0022:1}""}""")]
    [InlineData(@"[""a\\b"", ""tab\t""]", @"""[""a\\b"", ""tab\t""]""")]
    [InlineData("{\n  \"a\": 1\n}", @"""{\n  ""a"": 1\n}""")]
    [InlineData(@"{""a"":""\n""", @"""{""a"":""\\n""""")]
    [InlineData(@"not {""json"": ""\u0022""}", @"""not {""json"": ""\\u0022""}""")]
    public void A_json_object_or_array_keeps_its_own_backslashes_and_other_text_shows_them_doubled(string text, string shown) =>
        Format.Quoted(text).Should().Be(shown);

    [Fact]
    public void A_long_text_is_shortened_without_marking_its_cut_as_trailing_spaces()
    {
        var text = new string('x', Format.MaxTextLength - 1) + "   tail";

        Format.Quoted(text).Should().Be("\"" + new string('x', Format.MaxTextLength - 1) + $" … ({text.Length} characters)\"");
    }

    [Theory]
    [InlineData("abc", "abc", null)]
    [InlineData("abc", "xbc", null)]
    [InlineData("abc", "abd", @"first differs at character 3: expected ""c"", received ""d""")]
    [InlineData("abc", "ab", @"first differs at character 3: expected ""c"", received the end of the text")]
    [InlineData("a\\b", "a\u00A0b", @"first differs at character 2: expected ""\\"" (a backslash), received ""\u00A0"" (a non-breaking space)")]
    public void An_equal_check_points_at_the_first_difference(string expected, string actual, string? description) =>
        (TextMismatch.FromEqual(expected, actual)?.Description).Should().Be(description);

    [Theory]
    [InlineData("world", "hello world!", null)]
    [InlineData("world", "nothing here", null)]
    [InlineData("word up", "a world, up", @"contains the first 3 characters, then differs: expected ""d"", received ""l""")]
    [InlineData("end.", "the end", @"contains the first 3 characters, then differs: expected ""."", received the end of the text")]
    public void A_containing_check_points_after_the_longest_start_found(string expected, string actual, string? description) =>
        (TextMismatch.FromContaining(expected, actual)?.Description).Should().Be(description);
}
