using System.Globalization;
using FluentAssertions;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;
using Reqnroll.Infrastructure;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Catalog;

/// <summary>
/// Keywords never decide, as in Cucumber: every sentence of the catalog is found by Reqnroll's
/// own matching after any keyword, and by exactly one binding, so the catalog stays unambiguous.
/// </summary>
public sealed class KeywordTests(VocabularyFixture vocabulary) : IClassFixture<VocabularyFixture>
{
    // And, But and * take the kind of the step before them; so a sentence that matches as each of
    // the three kinds matches after all six keywords.
    public static TheoryData<string, StepDefinitionType> Keywords => new()
    {
        { "Given", StepDefinitionType.Given },
        { "When", StepDefinitionType.When },
        { "Then", StepDefinitionType.Then },
        { "And", StepDefinitionType.Then },
        { "But", StepDefinitionType.When },
        { "*", StepDefinitionType.Given },
    };

    [Theory]
    [MemberData(nameof(Keywords))]
    public void Every_example_matches_its_own_binding_alone_after_any_keyword(string keyword, StepDefinitionType kind)
    {
        var problems = new List<string>();
        foreach (var entry in vocabulary.Catalog.Entries.Where(e => e.Example.Length > 0))
        {
            var step = StepOf(entry.Example, keyword, kind);
            var match = vocabulary.Matching.GetBestMatch(step, CultureInfo.InvariantCulture, out var ambiguity, out var candidates);
            var found = match.Success
                ? $"{Name(match.StepBinding)}"
                : $"{ambiguity}: [{string.Join("] [", candidates.Select(c => Name(c.StepBinding)))}]";
            if (!match.Success || $"{entry.Binding}" != Name(match.StepBinding) || match.StepBinding.SourceExpression != entry.Expression)
            {
                problems.Add($"\"{keyword} {step.Text}\" (example of \"{entry.Expression}\", {entry.Binding}) found {found}");
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void A_sentence_bound_for_one_keyword_is_one_step_definition_under_every_keyword()
    {
        var receive = vocabulary.Bindings.Where(b => b.SourceExpression == "{who} receive(s) a message containing {string}{within}").ToList();

        receive.Select(b => b.StepDefinitionType).Should().BeEquivalentTo([StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.Then]);
        receive.Distinct().Should().ContainSingle("Reqnroll counts the copies as one step definition, as it does a [StepDefinition]");
    }

    private static string Name(IStepDefinitionBinding binding) =>
        binding.Method is RuntimeBindingMethod runtime ? $"{runtime.MethodInfo.DeclaringType!.Name}.{runtime.MethodInfo.Name}" : binding.Method.Name;

    /// <summary>The example as a feature file holds it, its first keyword replaced: text, doc string and table as Reqnroll receives them.</summary>
    private static StepInstance StepOf(string example, string keyword, StepDefinitionType kind)
    {
        var lines = example.Split('\n');
        var first = lines[0].Trim();
        var sentence = first[(first.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var feature = $"Feature: f\nScenario: s\n  {keyword} {sentence}\n{string.Join("\n", lines.Skip(1).Select(l => "  " + l))}\n";
        var ids = new IncrementingIdGenerator();
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(new Parser().Parse(new StringReader(feature)), "f.feature");
        var pickleStep = new PickleCompiler(ids).Compile(document).Single().Steps.Single();
        Table? table = null;
        if (pickleStep.Argument?.DataTable is { } data)
        {
            table = new Table(data.Rows[0].Cells.Select(c => c.Value).ToArray());
            foreach (var row in data.Rows.Skip(1))
            {
                table.AddRow(row.Cells.Select(c => c.Value).ToArray());
            }
        }

        return new StepInstance(kind, (StepDefinitionKeyword)(int)kind, keyword + " ", pickleStep.Text, pickleStep.Argument?.DocString?.Content, table, null);
    }
}
