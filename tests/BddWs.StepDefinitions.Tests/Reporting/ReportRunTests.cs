using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BddWs.StepDefinitions.Tests.Helpers;
using FluentAssertions;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Reporting;

/// <summary>
/// The report a run writes, read back as a reader meets it: tests/ReportProbe run with a plain
/// <c>dotnet test</c>, its console, its Cucumber messages (ndjson) and its feature page.
/// </summary>
[Collection(ReportProbeRun.Collection)]
public sealed partial class ReportRunTests(ReportProbeRun run)
{
    [Fact]
    public void Each_argument_is_marked_in_the_step_text_as_written_escaped_quotes_and_values_and_all()
    {
        var messages = run.Messages.Select(m => JsonNode.Parse(m)!).ToList();
        var stepTexts = messages.Where(m => m["pickle"] is not null)
            .SelectMany(m => m["pickle"]!["steps"]!.AsArray())
            .ToDictionary(s => (string)s!["id"]!, s => (string)s!["text"]!);
        var arguments = messages.Where(m => m["testCase"] is not null)
            .SelectMany(m => m["testCase"]!["testSteps"]!.AsArray())
            .Where(s => s!["pickleStepId"] is not null)
            .SelectMany(s => (s!["stepMatchArgumentsLists"]?.AsArray() ?? []).SelectMany(l => l!["stepMatchArguments"]!.AsArray())
                .Select(a => (Text: stepTexts[(string)s["pickleStepId"]!], Start: (int)a!["group"]!["start"]!, Value: (string)a["group"]!["value"]!)))
            .ToList();

        arguments.Should().HaveCountGreaterThan(10).And.OnlyContain(a => a.Text.Substring(a.Start, a.Value.Length) == a.Value,
            "the report draws a step's text by cutting it at each argument's place and length");
        arguments.Select(a => a.Value).Should().Contain([
            @"\""type\"":3", @"\""target\"":\""(PlayerJoined|Said)\""", @"it\'s \\ ${BDDWS_PROBE_PLAIN}", @"it's \\ plain-value"]);
        run.Page.Should().Contain(@"""start"":32,""value"":""\\\""type\\\"":3""")
            .And.Contain(@"""start"":30,""value"":""\\\""target\\\"":\\\""(PlayerJoined|Said)\\\""""");
    }

    [Fact]
    public void A_secret_read_from_the_environment_is_masked_in_the_console_the_messages_and_the_page()
    {
        var console = run.Output.Split('\n');

        console.Should().Contain(" ${BDDWS_PROBE_RESERVE} = *** (from the environment)", run.Output)
            .And.Contain(line => line.StartsWith(" → sent \"reserve ***\" (+", StringComparison.Ordinal))
            .And.Contain("Expected a message containing \"no such text\" within 2s, but received 1 message: [1] \"Message text was: reserve ***\". Connection: open.");
        run.Output.Should().NotContain(ReportProbeRun.Reserve);
        run.Messages.Should().NotContain(m => m.Contains(ReportProbeRun.Reserve, StringComparison.Ordinal));
        run.Page.Should().NotContain(ReportProbeRun.Reserve).And.Contain("${BDDWS_PROBE_RESERVE} = *** (from the environment)");
    }

    [Fact]
    public void A_name_marked_secret_that_never_had_a_value_fails_the_scenario_in_one_line()
    {
        const string Why = "${BDDWS_PROBE_RESERV} was marked secret, but this scenario has remembered no values yet, and no environment variable is called BDDWS_PROBE_RESERV.";

        run.ExitCode.Should().NotBe(0);
        run.Output.Split('\n').Should().Contain("   After the scenario: " + Why, run.Output);
        run.Output.Should().NotContain("UnknownValueException").And.NotContain("   at ");
        run.Page.Should().Contain($"\"message\":\"{Why}\"").And.Contain("\"name\":\"every name marked secret has its value\"");
    }

    [Fact]
    public void A_message_shortened_in_its_line_unfolds_whole_on_the_page_right_below_it()
    {
        var digits = string.Concat(Enumerable.Repeat("0123456789", 30));
        var logs = Logs();

        var sent = logs.FindIndex(l => l.StartsWith("→ sent \"0123456789", StringComparison.Ordinal));
        logs[sent].Should().Contain("… (300 characters)\" (+");
        logs[sent + 1].Should().Be("⤷ the whole message: " + digits);
        logs[sent + 2].Should().StartWith("← received \"Message text was: 0123456789").And.Contain("… (318 characters)\" (+");
        logs[sent + 3].Should().Be("⤷ the whole message: Message text was: " + digits);
        run.Page.Should().Contain($"\"body\":\"<details><summary>the whole message (300 characters)\\x3C/summary>{digits}\\x3C/details>\"".Replace("<details><summary>", "\\x3Cdetails>\\x3Csummary>"));
        run.Output.Should().NotContain("⤷", "the console shows each line alone");
    }

    [Fact]
    public void Every_line_under_a_step_is_timed_from_the_start_of_its_scenario()
    {
        var conversation = Logs().Where(l => !l.StartsWith('$') && !l.StartsWith('⤷')).ToList();

        conversation.Should().HaveCountGreaterThan(10).And.OnlyContain(l => Time().IsMatch(l));
        var times = conversation.Select(l => (Line: l, Ms: Milliseconds(Time().Match(l)))).ToList();
        var scenarios = times.Select((t, i) => (t, i)).Where(x => x.t.Line.StartsWith("open ", StringComparison.Ordinal)).Select(x => x.i).Append(times.Count).ToList();
        for (var s = 0; s + 1 < scenarios.Count; s++)
        {
            times.Skip(scenarios[s]).Take(scenarios[s + 1] - scenarios[s]).Select(t => t.Ms)
                .Should().BeInAscendingOrder("every line of a scenario counts from the same point, its start");
        }
    }

    /// <summary>The text of every log line the run's messages hold, in order.</summary>
    private List<string> Logs() => [.. run.Messages.Select(m => JsonNode.Parse(m)!)
        .Where(m => (string?)m["attachment"]?["mediaType"] == "text/x.cucumber.log+plain")
        .Select(m => (string)m["attachment"]!["body"]!)];

    private static double Milliseconds(Match time) =>
        double.Parse(time.Groups["n"].Value, CultureInfo.InvariantCulture) * (time.Groups["unit"].Value == "s" ? 1000 : 1);

    [GeneratedRegex(@" \(\+(?<n>[0-9.]+) ?(?<unit>ms|s)\)")]
    private static partial Regex Time();
}
