using BddWs.ReqnrollPlugin.Reporting.LivingDoc;
using FluentAssertions;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Reporting;

/// <summary>
/// The suite's hooks stay out of a product owner's pages: a hook that passed and said nothing is
/// left out, what it said moves to the scenario's step, and a hook that failed stays, named in words.
/// </summary>
public sealed class QuietHooksTests
{
    private const string TestCase =
        """{"testCase":{"id":"case","pickleId":"p","testSteps":[{"hookId":"before","id":"h1"},{"id":"s1","pickleStepId":"ps1"},{"id":"s2","pickleStepId":"ps2"},{"hookId":"after","id":"h2"}],"testRunStartedId":"run"}}""";

    private const string CaseStarted = """{"testCaseStarted":{"attempt":0,"id":"cs","testCaseId":"case","timestamp":{"seconds":1,"nanos":0}}}""";

    private readonly QuietHooks _hooks = new();

    [Fact]
    public void A_scenario_hook_that_passed_leaves_no_step_and_what_it_said_goes_to_the_last_step_that_ran()
    {
        var kept = Pass(TestCase, CaseStarted, Started("h1"), Finished("h1", "PASSED"), Started("s1"), Finished("s1", "PASSED"),
            Started("s2"), Finished("s2", "SKIPPED"), Started("h2"), Told("h2", "close 1000 NormalClosure (by client)"), Finished("h2", "PASSED"));

        kept.Where(m => m.TestStepStarted != null).Select(m => m.TestStepStarted.TestStepId).Should().Equal("s1", "s2");
        kept.Where(m => m.TestStepFinished != null).Select(m => m.TestStepFinished.TestStepId).Should().Equal("s1", "s2");
        kept.Single(m => m.Attachment != null).Attachment.Should().BeEquivalentTo(new { Body = "close 1000 NormalClosure (by client)", TestStepId = "s1", TestCaseStartedId = "cs" });
    }

    [Fact]
    public void What_a_hook_said_before_any_step_ran_goes_to_the_first_step()
    {
        var kept = Pass(TestCase, CaseStarted, Started("h1"), Told("h1", "open ws://127.0.0.1:5000/chat"), Finished("h1", "PASSED"));

        kept.Single(m => m.Attachment != null).Attachment.TestStepId.Should().Be("s1");
        kept.Should().NotContain(m => m.TestStepStarted != null || m.TestStepFinished != null);
    }

    [Fact]
    public void A_scenario_hook_that_failed_stays_with_what_it_said()
    {
        var kept = Pass(TestCase, CaseStarted, Started("s1"), Finished("s1", "PASSED"), Started("h2"), Told("h2", "close"), Finished("h2", "FAILED"));

        kept.Where(m => m.TestStepFinished != null).Select(m => m.TestStepFinished.TestStepId).Should().Equal("s1", "h2");
        kept.Single(m => m.Attachment != null).Attachment.TestStepId.Should().Be("h2");
    }

    [Fact]
    public void A_run_hook_that_passed_is_left_out_and_one_that_failed_stays()
    {
        var kept = Pass(RunHookStarted("r1"), RunHookFinished("r1", "PASSED"), RunHookStarted("r2"), RunHookFinished("r2", "FAILED"));

        kept.Should().HaveCount(2);
        kept[0].TestRunHookStarted.Id.Should().Be("r2");
        kept[1].TestRunHookFinished.Result.Status.Should().Be(TestStepResultStatus.FAILED);
    }

    [Fact]
    public void A_feature_hook_started_under_one_id_for_two_features_shows_once_when_one_of_its_runs_failed()
    {
        var kept = Pass(RunHookStarted("f"), RunHookStarted("f"), RunHookFinished("f", "PASSED"), RunHookFinished("f", "FAILED"));

        kept.Select(m => m.TestRunHookStarted != null ? "started" : m.TestRunHookFinished.Result.Status.ToString()).Should().Equal("started", "FAILED");
    }

    [Theory]
    [InlineData("BEFORE_TEST_RUN", "StartServer", "Before the run: start server")]
    [InlineData("AFTER_TEST_RUN", "WriteCatalog", "After the run: write catalog")]
    [InlineData("AFTER_TEST_CASE", "CloseConnections", "close connections")]
    [InlineData("BEFORE_TEST_RUN", "", "Before the run")]
    public void A_hook_is_named_in_words_from_its_method(string type, string method, string name)
    {
        var hook = Pass($$$$"""{"hook":{"id":"h","sourceReference":{"javaMethod":{"className":"Hooks","methodName":"{{{{method}}}}","methodParameterTypes":[]}},"type":"{{{{type}}}}"}}""");

        hook.Single().Hook.Name.Should().Be(name);
    }

    private List<Envelope> Pass(params string[] messages) =>
        messages.SelectMany(message => _hooks.Pass(NdjsonSerializer.Deserialize(message))).ToList();

    private static string Started(string step) =>
        $$$$"""{"testStepStarted":{"testCaseStartedId":"cs","testStepId":"{{{{step}}}}","timestamp":{"seconds":1,"nanos":0}}}""";

    private static string Finished(string step, string status) =>
        $$$$"""{"testStepFinished":{"testCaseStartedId":"cs","testStepId":"{{{{step}}}}","testStepResult":{"duration":{"seconds":0,"nanos":1},"status":"{{{{status}}}}"},"timestamp":{"seconds":1,"nanos":0}}}""";

    private static string Told(string step, string line) =>
        $$$$"""{"attachment":{"body":"{{{{line}}}}","contentEncoding":"IDENTITY","mediaType":"text/x.cucumber.log+plain","testCaseStartedId":"cs","testStepId":"{{{{step}}}}","timestamp":{"seconds":1,"nanos":0}}}""";

    private static string RunHookStarted(string id) =>
        $$$$"""{"testRunHookStarted":{"id":"{{{{id}}}}","testRunStartedId":"run","hookId":"hook-{{{{id}}}}","timestamp":{"seconds":1,"nanos":0}}}""";

    private static string RunHookFinished(string id, string status) =>
        $$$$"""{"testRunHookFinished":{"testRunHookStartedId":"{{{{id}}}}","result":{"duration":{"seconds":0,"nanos":1},"status":"{{{{status}}}}"},"timestamp":{"seconds":1,"nanos":0}}}""";
}
