using BddWs.ReqnrollPlugin.Catalog;
using FluentAssertions;
using Reqnroll.Bindings;
using Xunit;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Catalog;

/// <summary>
/// The vocabulary is documented and unambiguous: every step binding has a meaning and an
/// example, and every example is matched by its own binding and by no other (Reqnroll would
/// report an ambiguous step otherwise).
/// </summary>
public sealed class VocabularyTests(VocabularyFixture vocabulary) : IClassFixture<VocabularyFixture>
{
    [Fact]
    public void Every_step_binding_has_a_meaning_and_an_example()
    {
        vocabulary.Catalog.Entries.Should().NotBeEmpty();
        vocabulary.Catalog.Entries.Where(e => e.Meaning.Length == 0 || e.Example.Length == 0)
            .Select(e => $"{e.Binding} [{e.Keyword}(\"{e.Expression}\")]")
            .Should().BeEmpty("each step needs /// <summary> (its meaning) and /// <example> (a sentence using it) for the catalog");
    }

    [Fact]
    public void Every_placeholder_is_explained()
    {
        vocabulary.Catalog.ParameterTypes.Select(p => p.Name).Should().BeEquivalentTo("who", "names", "ordinal", "close-status", "duration", "size", "http-method", "hub-call", "hub-value", "hub-values");
        vocabulary.Catalog.ParameterTypes.Should().OnlyContain(p => p.Meaning.Length > 0);
    }

    [Fact]
    public void Every_example_matches_its_own_binding_and_no_other()
    {
        var problems = new List<string>();
        foreach (var entry in vocabulary.Catalog.Entries.Where(e => e.Example.Length > 0))
        {
            var matches = vocabulary.Bindings
                .Where(b => b.StepDefinitionType.ToString() == entry.ExampleKeyword && b.Regex.IsMatch(entry.ExampleSentence))
                .Select(b => b.SourceExpression)
                .ToList();
            if (matches.Count != 1 || matches[0] != entry.Expression)
            {
                problems.Add($"\"{entry.Keyword} {entry.ExampleSentence}\" (example of \"{entry.Expression}\") matches: [{string.Join("] [", matches)}]");
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void No_two_bindings_share_an_expression()
    {
        vocabulary.Bindings.GroupBy(b => (b.StepDefinitionType, b.SourceExpression)).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.StepDefinitionType} {g.Key.SourceExpression}").Should().BeEmpty();
    }
}
