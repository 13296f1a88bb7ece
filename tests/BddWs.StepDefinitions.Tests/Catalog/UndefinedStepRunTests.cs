using BddWs.StepDefinitions.Tests.Helpers;
using FluentAssertions;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Catalog;

/// <summary>
/// A step no sentence matches, as a product owner meets it: tests/ContractProbe has one
/// (<c>When I call Add(2, 3)</c>), run with a plain <c>dotnet test</c>. The console shows the
/// closest sentences from the catalog, with the writer's own values, and one line saying where a
/// developer finds the code; the code itself is in <c>reports/undefined-steps.md</c>. The run is red.
/// </summary>
[Collection(ContractProbeRun.Collection)]
public sealed class UndefinedStepRunTests(ContractProbeRun run)
{
    [Fact]
    public void The_console_shows_the_closest_sentences_and_where_the_code_is_and_no_code()
    {
        run.ExitCode.Should().NotBe(0, "an undefined step is never green");
        var lines = run.Output.Split('\n');
        var failed = Array.IndexOf(lines, "   Step matches no sentence of the catalog: When I call Add(2, 3) (features/undefined.feature:4)");
        failed.Should().BePositive(run.Output);
        lines[(failed + 1)..(failed + 6)].Should().Equal(
            "No step matches \"When I call Add(2, 3)\". Closest existing sentences:",
            "  When I invoke Add(2, 3)",
            "  When I stream Add(2, 3)",
            "  Then I receive Add(2, 3)",
            "A developer finds the code to add this step in reports/undefined-steps.md.");
        run.Output.Should().Contain(" -> undefined: no sentence matches this step")
            .And.NotContain("PendingStepException").And.NotContain("[Binding]").And.NotContain("using Reqnroll");
    }

    [Fact]
    public void The_code_to_paste_is_in_the_file_the_console_names()
    {
        run.UndefinedSteps.Should().NotBeNull(run.Output);
        run.UndefinedSteps.Should().Contain("## When I call Add(2, 3)\n\nIn A step in the writer's own words: The writer calls a hub method with a word the catalog does not use.\n\n```csharp\n[When(\"I call Add\\({int}, {int}\\)\")]\npublic void WhenICallAdd(int p0, int p1)\n")
            .And.Contain("throw new PendingStepException();");
    }
}
