using FluentAssertions;
using Xunit;
using static BddWs.Bridge.Tests.Helpers.ProbeRun;

using BddWs.Bridge.Tests.Helpers;

namespace BddWs.Bridge.Tests;

/// <summary>
/// The bridge between Reqnroll and xUnit v3 behaves as a Reqnroll.xUnit user expects:
/// checked on the probe suite, whose scenarios pass, fail, skip and miss steps on purpose.
/// </summary>
[Collection(ProbeFolderCollection.Name)]
public sealed class BridgeTests(ProbeRun probe) : IClassFixture<ProbeRun>
{
    [Fact]
    public void Every_scenario_and_outline_row_is_a_test_case_named_feature_colon_scenario()
    {
        probe.Tests.Keys.Should().BeEquivalentTo(
            "Probe: Passes with output",
            "Probe: Takes a table and a doc string",
            "Probe: Fails in a step",
            "Probe: Uses an undefined step",
            "Probe: Is ignored",
            "Probe: Counts 1 notes (count: 1)",
            "Probe: Counts 2 notes (count: 2)",
            "Probe: Inside a rule",
            "Second: Also passes",
            "Bad input: Has a wrong table header",
            "Bad input: Waits for a missing note",
            "Bad input: Names a rank that does not exist",
            "Bad input: Runs a step with a bug",
            "features/malformed.feature: cannot be run");
    }

    [Fact]
    public void A_malformed_feature_fails_alone_naming_file_line_and_column()
    {
        var malformed = probe.Test("features/malformed.feature: cannot be run");
        Result(malformed).Should().Be("Fail");
        Failure(malformed).Should().Contain("features/malformed.feature is not valid Gherkin")
            .And.Contain("features/malformed.feature(6:3): expected:")
            .And.Contain("got 'this line is not Gherkin'");
        Result(probe.Test("Second: Also passes")).Should().Be("Pass", "a broken file must not stop the others");
        probe.ExitCode.Should().NotBe(0);
    }

    [Fact]
    public void A_malformed_feature_carries_the_tags_it_declares_so_a_tag_filter_runs_it()
    {
        Traits(probe.Test("features/malformed.feature: cannot be run"), "Category").Should().BeEquivalentTo("malformed", "stray");

        var run = ProbeRun.Filtered("-trait", "Category=stray");

        run.ExitCode.Should().NotBe(0);
        run.Tests.Keys.Should().Equal("features/malformed.feature: cannot be run");
        Failure(run.Test("features/malformed.feature: cannot be run")).Should().Contain("features/malformed.feature(6:3): expected:");
    }

    [Fact]
    public void A_run_whose_filter_leaves_out_a_malformed_feature_fails_and_names_it()
    {
        var run = ProbeRun.Filtered("-class", "BridgeProbe.Features.Features_Second");

        run.Tests.Keys.Should().Equal("Second: Also passes");
        Result(run.Test("Second: Also passes")).Should().Be("Pass");
        run.ExitCode.Should().NotBe(0);
        run.Console.Should().Contain("This run fails: features/malformed.feature is not valid Gherkin:")
            .And.Contain("features/malformed.feature(6:3): expected:");
    }

    [Fact]
    public void A_run_without_malformed_features_left_out_does_not_fail_for_them()
    {
        var run = ProbeRun.Filtered("-class", "BridgeProbe.Features.Features_Second", "-class", "BridgeProbe.Features.Features_Malformed");

        run.Console.Should().NotContain("This run fails", "the malformed feature's own test told it");
        Result(run.Test("features/malformed.feature: cannot be run")).Should().Be("Fail");
    }

    [Fact]
    public void Passing_scenarios_pass_with_background_tables_doc_strings_and_rules()
    {
        foreach (var name in new[] { "Probe: Passes with output", "Probe: Takes a table and a doc string", "Probe: Counts 1 notes (count: 1)", "Probe: Inside a rule", "Second: Also passes" })
        {
            Result(probe.Test(name)).Should().Be("Pass", because: $"\"{name}\" should pass: {Failure(probe.Test(name))}");
        }
    }

    [Fact]
    public void Feature_rule_and_scenario_tags_become_category_traits()
    {
        Traits(probe.Test("Probe: Inside a rule"), "Category").Should().BeEquivalentTo("probe", "ruled");
        Traits(probe.Test("Probe: Passes with output"), "Category").Should().BeEquivalentTo("probe", "passing");
        Traits(probe.Test("Second: Also passes"), "Category").Should().BeEmpty();
    }

    [Fact]
    public void An_ignored_scenario_is_skipped_with_the_reason()
    {
        var ignored = probe.Test("Probe: Is ignored");
        Result(ignored).Should().Be("Skip");
        SkipReason(ignored).Should().Be("Ignored with the @ignore tag (features/probe.feature:32)");
        Output(ignored).Should().Contain("-> not run: the scenario is skipped").And.NotContain("previous errors");
    }

    [Fact]
    public void A_failing_step_is_named_with_its_feature_file_line_and_reason()
    {
        var failed = probe.Test("Probe: Fails in a step");
        Result(failed).Should().Be("Fail");
        Failure(failed).Should().Contain("Step failed: Then there are 7 notes (features/probe.feature:26)")
            .And.Contain("expected 7 notes but there are 1");
    }

    [Fact]
    public void A_failing_outline_row_fails_alone()
    {
        Result(probe.Test("Probe: Counts 2 notes (count: 2)")).Should().Be("Fail");
        Result(probe.Test("Probe: Counts 1 notes (count: 1)")).Should().Be("Pass");
    }

    private const string WhereTheCodeIs = "A developer finds the code to add this step in reports/undefined-steps.md.";

    [Fact]
    public void An_undefined_step_fails_with_the_closest_sentences_and_where_the_code_is_and_nothing_else()
    {
        var undefined = probe.Test("Probe: Uses an undefined step");
        Result(undefined).Should().Be("Fail");
        Failure(undefined).Should().Be(
            "Step matches no sentence of the catalog: When I dance the tango (features/probe.feature:29)" + Environment.NewLine +
            "No step matches \"When I dance the tango\". Closest existing sentences:" + Environment.NewLine +
            "  When I write \"I dance the tango\" to the output" + Environment.NewLine +
            WhereTheCodeIs);
        StackTrace(undefined).Should().BeEmpty();
    }

    [Fact]
    public void An_undefined_step_is_said_in_words_in_the_test_output()
    {
        var output = Output(probe.Test("Probe: Uses an undefined step"));

        output.Should().Contain("When I dance the tango").And.Contain("-> undefined: no sentence matches this step")
            .And.NotContain("PendingStepException").And.NotContain("[When(");
    }

    [Fact]
    public void The_code_for_each_undefined_step_is_kept_for_developers_in_a_file_beside_the_report()
    {
        probe.UndefinedSteps.Should().NotBeNull("the run had an undefined step");
        probe.UndefinedSteps.Should().StartWith("# Undefined steps\n")
            .And.Contain("\n## When I dance the tango\n\nIn Probe: Uses an undefined step.\n\n```csharp\n[When(\"I dance the tango\")]\n")
            .And.Contain("throw new PendingStepException();")
            .And.NotContain("No step matches", "the file holds code; the closest sentences are for the feature's writer");
    }

    [Fact]
    public void The_report_shows_the_closest_sentences_and_where_the_code_is_under_the_undefined_step_itself()
    {
        var undefined = StepResults(probe).Where(r => r.Status == "UNDEFINED").Should().ContainSingle().Subject;

        undefined.Message.Should().Be("No step matches \"When I dance the tango\". Closest existing sentences:\n  When I write \"I dance the tango\" to the output\n" +
                                      WhereTheCodeIs);
        probe.Messages.Should().NotContain(l => l.Contains("\"attachment\"", StringComparison.Ordinal) && l.Contains("No step matches", StringComparison.Ordinal),
            "the advice is the step's own message, not output of a hook after the scenario");
    }

    [Theory]
    [InlineData("Bad input: Has a wrong table header", "Given a table of notes: (features/bad-input.feature:5)", "The table needs the column \"note\"; it has: text.")]
    [InlineData("Bad input: Waits for a missing note", "When I wait for the note \"nowhere\" (features/bad-input.feature:10)", "There is no note \"nowhere\" to wait for.")]
    [InlineData("Bad input: Names a rank that does not exist", "Then the 0th note is \"x\" (features/bad-input.feature:14)", "\"0th\" is not a rank: ranks count from 1st.")]
    public void Bad_input_fails_with_its_one_line_message_without_type_or_stack_trace(string scenario, string step, string message)
    {
        var failed = probe.Test(scenario);

        Failure(failed).Should().Be($"Step failed: {step}{Environment.NewLine}{message}");
        StackTrace(failed).Should().BeEmpty();
        Output(failed).Should().NotContain("Exception").And.NotContain("ProbeSteps");
        StepResults(probe).Should().ContainSingle(r => r.Message == message)
            .Which.Should().BeEquivalentTo(new StepResult("FAILED", message, HasException: false));
    }

    [Fact]
    public void A_fault_in_the_code_keeps_its_exception_and_stack_trace_for_the_developer()
    {
        var failed = probe.Test("Bad input: Runs a step with a bug");

        Failure(failed).Should().Contain("Step failed: When a step has a bug (features/bad-input.feature:17)")
            .And.Contain("ArgumentOutOfRangeException");
        StackTrace(failed).Should().Contain("ProbeSteps.Bug()");
        StepResults(probe).Should().Contain(r => r.HasException);
    }

    [Fact]
    public void No_failure_meant_for_the_reader_shows_a_stack_trace_or_type_name_in_the_console_or_the_report()
    {
        var readerFailures = probe.Tests.Values.Where(t => Result(t) == "Fail" && t != probe.Test("Bad input: Runs a step with a bug")).ToList();

        readerFailures.Should().HaveCount(7);
        foreach (var test in readerFailures)
        {
            (Failure(test) + StackTrace(test)).Should().NotContain("   at ").And.NotContain("Exception :");
        }

        StepResults(probe).Where(r => r.Status != "PASSED" && !r.HasException)
            .Should().OnlyContain(r => !r.Message.Contains("   at ", StringComparison.Ordinal));
        StepResults(probe).Count(r => r.HasException).Should().Be(1, "only the fault in the code keeps its exception");
    }

    [Fact]
    public void What_steps_write_shows_in_the_test_output()
    {
        Output(probe.Test("Probe: Passes with output")).Should().Contain("hello from a step")
            .And.Contain("When I write \"hello from a step\" to the output");
    }

    [Fact]
    public void Hooks_run_in_order_and_after_hooks_run_when_a_scenario_fails()
    {
        probe.HookLog[0].Should().Be("BeforeTestRun");
        probe.HookLog[^1].Should().Be("AfterTestRun");
        foreach (var feature in new[] { "Probe", "Second", "Bad input" })
        {
            var start = probe.HookLog.ToList().IndexOf($"BeforeFeature {feature}");
            var end = probe.HookLog.ToList().IndexOf($"AfterFeature {feature}");
            start.Should().BeGreaterThan(0).And.BeLessThan(end);
        }

        // Features run in parallel, so only the Probe feature's own lines are in a fixed order: the file's.
        var probeScenarios = probe.HookLog.Where(l => l.StartsWith("BeforeScenario", StringComparison.Ordinal) || l.StartsWith("AfterScenario", StringComparison.Ordinal))
            .Where(l => !OtherFeaturesScenarios.Any(s => l.Contains(s, StringComparison.Ordinal))).ToList();
        probeScenarios.Should().Equal(
            "BeforeScenario Passes with output", "AfterScenario Passes with output OK",
            "BeforeScenario Takes a table and a doc string", "AfterScenario Takes a table and a doc string OK",
            "BeforeScenario Fails in a step", "AfterScenario Fails in a step TestError",
            "BeforeScenario Uses an undefined step", "AfterScenario Uses an undefined step UndefinedStep",
            "BeforeScenario Counts 1 notes", "AfterScenario Counts 1 notes OK",
            "BeforeScenario Counts 2 notes", "AfterScenario Counts 2 notes TestError",
            "BeforeScenario Inside a rule", "AfterScenario Inside a rule OK");
        probe.HookLog.Where(l => l.StartsWith("BeforeScenario", StringComparison.Ordinal)).Should().HaveCount(12, "ignored scenarios start no hooks");
        probe.HookLog.Where(l => l.StartsWith("AfterScenario", StringComparison.Ordinal)).Should().HaveCount(12);
    }

    [Fact]
    public void The_formatters_write_a_report_naming_every_scenario_and_its_result()
    {
        var html = probe.Html;
        var messages = probe.Messages;
        foreach (var scenario in new[] { "Passes with output", "Fails in a step", "Uses an undefined step", "Inside a rule", "Also passes" })
        {
            html.Should().Contain(scenario);
        }

        messages.Count(l => l.StartsWith("{\"testCaseFinished\"", StringComparison.Ordinal)).Should().Be(13, "every scenario has a result, the ignored one included; the malformed file has none");
        messages.Should().Contain(l => l.StartsWith("{\"testRunFinished\"", StringComparison.Ordinal));
        messages.Should().Contain(l => l.Contains("\"status\":\"FAILED\"", StringComparison.Ordinal));
        messages.Should().Contain(l => l.Contains("\"status\":\"UNDEFINED\"", StringComparison.Ordinal));
        messages.Should().Contain(l => l.Contains("\"status\":\"SKIPPED\"", StringComparison.Ordinal));
    }

    private static readonly string[] OtherFeaturesScenarios =
        ["Also passes", "Has a wrong table header", "Waits for a missing note", "Names a rank that does not exist", "Runs a step with a bug"];
}
