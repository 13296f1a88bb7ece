using Gherkin;
using Gherkin.Ast;

namespace BddWs.StepDefinitions.Tests.Drafts;

/// <summary>The steps of a draft's one scenario as Reqnroll runs them: And takes the kind of the step before it.</summary>
public sealed record DraftSteps(string Kind, string Keyword, string Text, string? DocString)
{
    public static IReadOnlyList<DraftSteps> Of(string draft)
    {
        var document = new Parser().Parse(new StringReader(draft));
        var scenario = document.Feature.Children.OfType<Scenario>().Single();
        var kind = "Given";
        var steps = new List<DraftSteps>();
        foreach (var step in scenario.Steps)
        {
            var keyword = step.Keyword.Trim();
            if (keyword is "Given" or "When" or "Then")
            {
                kind = keyword;
            }

            steps.Add(new DraftSteps(kind, keyword, step.Text, (step.Argument as DocString)?.Content));
        }

        return steps;
    }
}
