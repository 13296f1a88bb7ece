using System.Text.Json;
using BddWs.ReqnrollPlugin.Reporting.LivingDoc;
using BddWs.Testing;
using FluentAssertions;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Reporting;

/// <summary>
/// The living documentation of a recorded run of the bridge probe (tests/BridgeProbe: scenarios
/// that pass, fail, are undefined or ignored, an outline, a rule, a background; run with
/// Reqnroll's message formatter into <c>probe-run.ndjson</c>): a summary page, and pages that
/// each hold one feature's or one part's messages.
/// </summary>
public sealed class LivingDocTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bddws-living-doc-");

    [Fact]
    public void The_summary_gives_the_pass_count_and_names_every_scenario_that_did_not_pass_before_the_features()
    {
        using var document = Recorded(LivingDocument.DefaultScenariosPerPage);

        var summary = Summary(document);

        summary.Should().Contain("<strong>(5 / 13) passed</strong>, 6 failed, 1 undefined, 1 skipped</p>");
        var problems = summary.IndexOf("<h2>Did not pass (7)</h2>", StringComparison.Ordinal);
        problems.Should().BePositive().And.BeLessThan(summary.IndexOf("<h2>Features (3)</h2>", StringComparison.Ordinal));
        summary.Should().Contain("<li><a data-page href=\"living-doc/probe.html\">Probe</a> › <b>Fails in a step</b> " +
                                 "<span class=\"failed\">failed</span> at &quot;there are 7 notes&quot;<pre>");
        summary.Should().Contain("<b>Uses an undefined step</b> <span class=\"undefined\">undefined</span> at &quot;I dance the tango&quot;");
    }

    [Fact]
    public void The_summary_lists_failing_features_first_then_the_others_by_file_each_with_its_file_and_counts()
    {
        using var document = Recorded(LivingDocument.DefaultScenariosPerPage);

        var rows = Summary(document).Split('\n').Where(line => line.StartsWith("<tr><td>", StringComparison.Ordinal)).ToList();

        rows.Should().HaveCount(3);
        rows[0].Should().Contain(">Bad input</a>").And.Contain("features/bad-input.feature").And.Contain("0 of 4 passed, 4 failed");
        rows[1].Should().Contain(">Probe</a>").And.Contain("4 of 8 passed, 2 failed, 1 undefined, 1 skipped");
        rows[2].Should().Contain("<span class=\"status passed\">passed</span>").And.Contain(">Second</a>").And.Contain("1 of 1 passed");
    }

    [Fact]
    public void A_long_feature_is_cut_into_parts_that_keep_outlines_and_rules_whole()
    {
        using var document = Recorded(scenariosPerPage: 2);

        var probe = document.Parts.Where(p => p.Uri == "features/probe.feature").ToList();

        probe.Select(p => (p.FileName, p.FirstScenario, p.LastScenario)).Should().Equal(
            ("probe-1.html", 1, 2), ("probe-2.html", 3, 4), ("probe-3.html", 5, 5), ("probe-4.html", 6, 7), ("probe-5.html", 8, 8));
        probe[3].Title.Should().Be("Probe, scenarios 6-7");
        Summary(document).Should().Contain("<a data-page href=\"living-doc/probe-4.html\">scenarios 6-7</a>");
    }

    [Fact]
    public async Task Each_page_holds_the_runs_own_messages_the_background_and_only_its_own_scenarios()
    {
        using var document = Recorded(scenariosPerPage: 2);
        var summary = Path.Combine(_folder.FullName, "living-doc.html");

        await LivingDocPages.WriteAsync(document, summary);

        var pages = document.Parts.ToDictionary(p => p.FileName, p => Messages(Path.Combine(_folder.FullName, "living-doc", p.FileName)));
        pages.Keys.Should().Equal("bad-input-1.html", "bad-input-2.html", "probe-1.html", "probe-2.html", "probe-3.html", "probe-4.html", "probe-5.html", "second.html");
        pages.Values.Should().OnlyContain(page => page.First().TestRunStarted != null && page.Last().TestRunFinished != null
                                           && page.Count(m => m.StepDefinition != null) == 9 && page.Count(m => m.GherkinDocument != null) == 1);
        var pickles = pages.Values.SelectMany(page => page.Where(m => m.Pickle != null).Select(m => m.Pickle.Name)).ToList();
        pickles.Should().HaveCount(13).And.OnlyHaveUniqueItems(because: "every scenario is on one page only");
        pages["probe-4.html"].Where(m => m.Pickle != null).Select(m => m.Pickle.Name).Should().Equal("Counts 1 notes", "Counts 2 notes");
        pages["probe-4.html"].Count(m => m.TestCaseStarted != null).Should().Be(2);
        pages.Where(page => page.Key.StartsWith("probe-", StringComparison.Ordinal))
            .Should().OnlyContain(page => page.Value.Single(m => m.GherkinDocument != null).GherkinDocument.Feature.Children[0].Background != null,
                "each part's scenarios run after the feature's background");
        File.Exists(Path.Combine(_folder.FullName, "living-doc", FeaturePage.ScriptFile)).Should().BeTrue();
    }

    [Fact]
    public async Task A_feature_page_leads_back_to_the_summary_and_on_to_the_features_other_parts()
    {
        using var document = Recorded(scenariosPerPage: 2);

        await LivingDocPages.WriteAsync(document, Path.Combine(_folder.FullName, "living-doc.html"));

        var page = await File.ReadAllTextAsync(Path.Combine(_folder.FullName, "living-doc", "probe-2.html"), TestContext.Current.CancellationToken);
        page.Should().Contain("<title>Probe, scenarios 3-4 - living documentation</title>");
        page.Should().Contain(@"\u003Ca href=\u0022../living-doc.html\u0022\u003EAll features\u003C/a\u003E")
            .And.Contain(@"\u003Ca href=\u0022probe-1.html\u0022\u003EPrevious: Probe, scenarios 1-2\u003C/a\u003E")
            .And.Contain(@"\u003Ca href=\u0022probe-3.html\u0022\u003ENext: Probe, scenarios 5-5\u003C/a\u003E");
    }

    [Fact]
    public async Task A_page_shows_no_hook_that_passed_and_names_the_hooks_in_words()
    {
        using var document = Recorded(LivingDocument.DefaultScenariosPerPage);

        await LivingDocPages.WriteAsync(document, Path.Combine(_folder.FullName, "living-doc.html"));

        var page = Messages(Path.Combine(_folder.FullName, "living-doc", "probe.html"));
        page.Should().NotContain(m => m.TestRunHookStarted != null || m.TestRunHookFinished != null);
        var hookSteps = page.Where(m => m.TestCase != null).SelectMany(m => m.TestCase.TestSteps).Where(s => !string.IsNullOrEmpty(s.HookId)).Select(s => s.Id).ToHashSet();
        hookSteps.Should().NotBeEmpty();
        page.Should().NotContain(m => (m.TestStepStarted != null && hookSteps.Contains(m.TestStepStarted.TestStepId))
                                      || (m.TestStepFinished != null && hookSteps.Contains(m.TestStepFinished.TestStepId)));
        page.Where(m => m.Hook != null).Select(m => m.Hook.Name).Should().Contain(["Before the run: before test run", "after scenario"]);
        page.Count(m => m.TestCaseFinished != null).Should().Be(8);
    }

    [Fact]
    public void A_run_that_could_not_start_says_why_first_and_not_the_ends_that_failed_because_of_it()
    {
        using var document = new LivingDocument();
        string[] run =
        [
            """{"testRunStarted":{"timestamp":{"seconds":1,"nanos":0},"id":"run"}}""",
            """{"hook":{"id":"start","sourceReference":{"javaMethod":{"className":"ServerHooks","methodName":"StartServer","methodParameterTypes":[]}},"type":"BEFORE_TEST_RUN"}}""",
            """{"hook":{"id":"stop","sourceReference":{"javaMethod":{"className":"ServerHooks","methodName":"StopServer","methodParameterTypes":[]}},"type":"AFTER_TEST_RUN"}}""",
            """{"testRunHookStarted":{"id":"s1","testRunStartedId":"run","hookId":"start","timestamp":{"seconds":1,"nanos":0}}}""",
            """{"testRunHookFinished":{"testRunHookStartedId":"s1","result":{"duration":{"seconds":0,"nanos":1},"message":"No server to test: set BDDWS_SERVER_URL.","status":"FAILED"},"timestamp":{"seconds":1,"nanos":0}}}""",
            """{"testRunHookStarted":{"id":"s2","testRunStartedId":"run","hookId":"stop","timestamp":{"seconds":2,"nanos":0}}}""",
            """{"testRunHookFinished":{"testRunHookStartedId":"s2","result":{"duration":{"seconds":0,"nanos":1},"message":"The server under test has not been started.","status":"FAILED"},"timestamp":{"seconds":2,"nanos":0}}}""",
            """{"testRunFinished":{"success":false,"timestamp":{"seconds":2,"nanos":0},"testRunStartedId":"run"}}""",
        ];
        foreach (var line in run)
        {
            document.Add(NdjsonSerializer.Deserialize(line));
        }

        var summary = Summary(document);

        summary.Should().Contain("<h2>The run could not start</h2>\n<ul class=\"problems\">\n" +
                                 "<li><b>Before the run: start server</b> <span class=\"failed\">failed</span><pre>No server to test: set BDDWS_SERVER_URL.</pre></li>\n</ul>");
        summary.Should().NotContain("has not been started");
    }

    [Theory]
    [InlineData("features/echo.feature", "echo.html")]
    [InlineData("features/chat/rooms.feature", "chat-rooms.html")]
    [InlineData("specs/A b&c.feature", "specs-A-b-c.html")]
    public void A_page_is_named_after_its_feature_file(string uri, string expected)
    {
        var part = FeatureParts.Split(new GherkinDocument(uri, new Feature(new Location(1, 1), [], "en", "Feature", "F", "", []), []), 100)[0].Part;

        PageFileNames.For(part, new HashSet<string>()).Should().Be(expected);
    }

    [Fact]
    public void Two_features_whose_names_would_meet_get_pages_of_their_own()
    {
        var taken = new HashSet<string>();
        var parts = new[] { "features/a-b.feature", "features/a/b.feature" }
            .Select(uri => FeatureParts.Split(new GherkinDocument(uri, new Feature(new Location(1, 1), [], "en", "Feature", "F", "", []), []), 100)[0].Part);

        parts.Select(part => PageFileNames.For(part, taken)).Should().Equal("a-b.html", "a-b~2.html");
    }

    private static LivingDocument Recorded(int scenariosPerPage)
    {
        var document = new LivingDocument(scenariosPerPage);
        foreach (var line in File.ReadLines(Repository.PathOf("tests/BddWs.StepDefinitions.Tests/Reporting/probe-run.ndjson")))
        {
            document.Add(NdjsonSerializer.Deserialize(line));
        }

        return document;
    }

    private static string Summary(LivingDocument document)
    {
        var html = new StringWriter();
        IndexPage.Write(html, document, "living-doc");
        return html.ToString();
    }

    /// <summary>The messages a page of Cucumber's report draws from, in order.</summary>
    private static List<Envelope> Messages(string page)
    {
        const string Start = "window.CUCUMBER_MESSAGES = ";
        var html = File.ReadAllText(page);
        var start = html.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        var end = html.IndexOf(";\n</script>", start, StringComparison.Ordinal);
        // Cucumber's writer escapes '<' the JavaScript way, so that no message can end the script; JSON has no such escape.
        using var array = JsonDocument.Parse(html[start..end].Replace(@"\x3C", "<", StringComparison.Ordinal));
        return array.RootElement.EnumerateArray().Select(m => NdjsonSerializer.Deserialize(m.GetRawText())).ToList();
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
