using BddWs.ReqnrollPlugin.Catalog;
using FluentAssertions;
using Reqnroll.Bindings;
using Xunit;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Catalog;

/// <summary>
/// The vocabulary is documented and unambiguous: every step binding has a meaning and an
/// example, and no two bindings share a sentence (each example matching its own binding alone,
/// after any keyword, is <see cref="KeywordTests"/>).
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
        vocabulary.Catalog.ParameterTypes.Select(p => p.Name).Should().BeEquivalentTo("who", "names", "ordinal", "close-status", "duration", "size", "http-method", "hub-call", "hub-value", "hub-values", "hub-answer", "socketio-arguments", "within", "on-instance");
        vocabulary.Catalog.ParameterTypes.Should().OnlyContain(p => p.Meaning.Length > 0);
    }

    [Fact]
    public void No_two_bindings_share_an_expression()
    {
        // The keyword does not tell two sentences apart (see KeywordTests), so neither may it here.
        vocabulary.Bindings.GroupBy(b => b.SourceExpression).Where(g => g.Select(b => b.Method).Distinct().Count() > 1)
            .Select(g => g.Key).Should().BeEmpty();
    }
}
