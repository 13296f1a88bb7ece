using BddWs.ReqnrollPlugin;
using BddWs.StepDefinitions.Tests.Catalog;
using FluentAssertions;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;
using Xunit;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// A quoted value can hold its own quote (<c>"say \"hi\""</c>) and a backslash (<c>\\</c>), in
/// every <c>{string}</c> of every step, while doc strings and other placeholders stay as written.
/// </summary>
public sealed class QuotedTextTests(VocabularyFixture vocabulary) : IClassFixture<VocabularyFixture>
{
    [Theory]
    [InlineData(@"say \""hi\""", '"', @"say ""hi""")]
    [InlineData(@"it\'s", '\'', "it's")]
    [InlineData(@"a\\b", '"', @"a\b")]
    [InlineData(@"a\\\""b", '"', @"a\""b")]
    [InlineData(@"^id=\d+$", '"', @"^id=\d+$")]
    [InlineData(@"line one\nline two", '"', @"line one\nline two")]
    [InlineData(@"it\'s", '"', @"it\'s")]
    [InlineData(@"say \""hi\""", '\'', @"say \""hi\""")]
    [InlineData(@"ends with \", '"', @"ends with \")]
    [InlineData("", '"', "")]
    public void A_backslash_escapes_only_the_enclosing_quote_and_itself(string written, char quote, string meant) =>
        QuotedText.Unescape(written, quote).Should().Be(meant);

    [Theory]
    [InlineData(StepDefinitionType.When, "{who} send(s) {string}", @"I send ""say \""hi\""""", "I", @"say ""hi""")]
    [InlineData(StepDefinitionType.When, "{who} send(s) {string}", @"""Alice"" sends 'it\'s'", @"""Alice""", "it's")]
    [InlineData(StepDefinitionType.Then, "{who} receive(s) the message {string}{within}", @"I receive the message ""a \\ b""", "I", @"a \ b", "")]
    [InlineData(StepDefinitionType.Then, "{who} receive(s) the message {string}{within}", @"I receive the message ""a \\ b"" within 2 s", "I", @"a \ b", " within 2 s")]
    [InlineData(StepDefinitionType.Then, "{who} receive(s) a message matching {string}{within}", @"I receive a message matching ""^\""\d+\""$""", "I", @"^""\d+""$", "")]
    public void Every_quoted_value_of_a_step_is_read_with_its_escapes(StepDefinitionType type, string expression, string text, params string[] expected) =>
        ArgumentsOf(type, expression, text).Should().Equal(expected);

    [Fact]
    public void Several_quoted_values_and_other_placeholders_each_keep_their_place()
    {
        ArgumentsOf(StepDefinitionType.Given, "{string} and {string} are connected to {string}{on-instance}", @"""A\""l"" and 'B\'o' are connected to ""/x?q=\\"" on instance ""b""")
            .Should().Equal(@"A""l", "B'o", @"/x?q=\", @" on instance ""b""");
        ArgumentsOf(StepDefinitionType.Then, "the {ordinal} message to {who} is {string}{within}", @"the 2nd message to ""Bob"" is ""\""hi\"""" within 1 s")
            .Should().Equal("2nd", @"""Bob""", @"""hi""", " within 1 s");
        ArgumentsOf(StepDefinitionType.When, "{who} close(s) the connection with status {close-status} and reason {string}", @"I close the connection with status 4000 and reason ""\""done\""""")
            .Should().Equal("I", "4000", @"""done""");
    }

    [Fact]
    public void A_doc_string_stays_as_written()
    {
        var binding = BindingOf(StepDefinitionType.When, "{who} send(s):");
        var step = new StepInstance(StepDefinitionType.When, StepDefinitionKeyword.When, "When ", "I send:", @"say \""hi\"" \\", null, null);

        var matched = new MatchArgumentCalculator().CalculateArguments(binding.Regex.Match(step.Text), step, binding);

        QuotedTextArguments.Read(binding, matched, step.Text, [.. matched.Select(a => a.Value)])
            .Should().Equal("I", @"say \""hi\"" \\");
    }

    private IEnumerable<object> ArgumentsOf(StepDefinitionType type, string expression, string text)
    {
        var binding = BindingOf(type, expression);
        var step = new StepInstance(type, StepDefinitionKeyword.Given, "", text, null);
        var match = binding.Regex.Match(text);
        match.Success.Should().BeTrue($"the step \"{text}\" should match \"{expression}\"");
        var matched = new MatchArgumentCalculator().CalculateArguments(match, step, binding);
        return QuotedTextArguments.Read(binding, matched, text, [.. matched.Select(a => a.Value)]);
    }

    private IStepDefinitionBinding BindingOf(StepDefinitionType type, string expression) =>
        vocabulary.Bindings.Single(b => b.StepDefinitionType == type && b.SourceExpression == expression);
}
