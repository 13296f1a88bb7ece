using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// Expected and received text never print alike when they differ: line breaks, tabs, trailing
/// and non-breaking spaces show on both sides, and a failure points at the first difference.
/// </summary>
public sealed class InvisibleDifferenceTests
{
    private const string Wrapped = "Message text was: line one\nline two";

    [Fact]
    public async Task A_written_backslash_n_against_a_line_break_shows_both_and_where_they_part()
    {
        await using var steps = await ConnectedAsync(_ => [Wrapped]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.Receiving.MessageEqualTo(I, @"Message text was: line one\nline two"))).Should().Be(
            @"Expected a message equal to ""Message text was: line one\\nline two"" within 300 ms, " +
            @"but received 1 message: [1] ""Message text was: line one\nline two""; " +
            @"[1] first differs at character 27: expected ""\\"" (a backslash), received ""\n"" (a line break). Connection: open.");
        (await FailureOf(() => steps.Receiving.MessageContaining(I, @"line one\nline"))).Should().Be(
            @"Expected a message containing ""line one\\nline"" within 300 ms, " +
            @"but received 1 message: [1] ""Message text was: line one\nline two""; " +
            @"[1] contains the first 8 characters, then differs: expected ""\\"" (a backslash), received ""\n"" (a line break). Connection: open.");
    }

    [Fact]
    public async Task Trailing_non_breaking_and_tab_spaces_show_and_the_closest_message_is_named()
    {
        await using var steps = await ConnectedAsync(_ => ["Hello world", "Hi ", "a\u00A0b\tc"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 3);

        (await FailureOf(() => steps.Receiving.MessageEqualTo(I, "Hi"))).Should().Be(
            @"Expected a message equal to ""Hi"" within 300 ms, but received 3 messages: [1] ""Hello world"" [2] ""Hi␠"" [3] ""a\u00A0b\tc""; " +
            @"the closest, [2], first differs at character 3: expected the end of the text, received "" "" (a space). Connection: open.");
        (await FailureOf(() => steps.Receiving.MessageEqualTo(I, "a b c"))).Should().EndWith(
            @"the closest, [3], first differs at character 2: expected "" "" (a space), received ""\u00A0"" (a non-breaking space). Connection: open.");
        (await FailureOf(() => steps.Receiving.MessageContaining(I, "b c"))).Should().EndWith(
            @"the closest, [3], contains the first character, then differs: expected "" "" (a space), received ""\t"" (a tab). Connection: open.");
    }

    [Fact]
    public async Task The_nth_and_the_next_message_point_at_their_first_difference()
    {
        await using var steps = await ConnectedAsync(_ => [Wrapped]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.Receiving.NthIs(1, "Message text was: line one line two"))).Should().EndWith(
            @"[1] ""Message text was: line one\nline two""; [1] first differs at character 27: expected "" "" (a space), received ""\n"" (a line break). Connection: open.");
        (await FailureOf(() => steps.Receiving.NextContains("one\r\nline"))).Should().EndWith(
            @"[1] contains the first 3 characters, then differs: expected ""\r"" (a carriage return), received ""\n"" (a line break). Connection: open.");
    }

    [Fact]
    public async Task Texts_that_differ_from_the_start_are_not_pointed_at()
    {
        await using var steps = await ConnectedAsync(_ => ["Goodbye"]);
        await steps.Sending.SendText(I, "x");
        await steps.ReceivedAsync(I, 1);

        (await FailureOf(() => steps.Receiving.MessageEqualTo(I, "Hello"))).Should().Be(
            @"Expected a message equal to ""Hello"" within 300 ms, but received 1 message: [1] ""Goodbye"". Connection: open.");
    }
}
