using System.Globalization;
using BddWs.ReqnrollPlugin.Catalog;
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
/// One sentence, one binding: a waiting sentence takes an optional <c>within T</c> in its one
/// binding, and the catalog shows it once, as <c>[within T]</c>, with whether each sentence waits.
/// </summary>
public sealed class WithinTests(VocabularyFixture vocabulary) : IClassFixture<VocabularyFixture>
{
    /// <summary>Each sentence that had a separate "… within {duration}" binding, in both forms.</summary>
    public static TheoryData<string, string> FormerPairs => new()
    {
        { "Then \"Bob\" and \"Carol\" receive a message containing \"hi\"", "Then \"Bob\" and \"Carol\" receive a message containing \"hi\" within 500 ms" },
        { "Then \"Bob\" and \"Carol\" receive the message \"hi\"", "Then \"Bob\", \"Carol\" and \"Dave\" receive the message \"hi\" within 1 s" },
        { "Then I receive the message \"Message text was: Hello\"", "Then I receive the message \"Message text was: Hello\" within 1 s" },
        { "Then I receive a message matching \"^Message text was: \\d+$\"", "Then I receive a message matching \"was: [A-Z]\" within 200 ms" },
        { "Then I receive exactly 2 messages", "Then \"Bob\" receives exactly 3 messages within 1 s" },
        { "Then the server closes the connection", "Then the server closes the connection within 3 s" },
        { "Then the server closes the connection with status 1000", "Then the server closes the connection with status MessageTooBig within 5 s" },
        { "Then the server closes the connection with status 4001 and reason \"bye\"", "Then the server closes the connection with status 4001 and reason \"bye\" within 1 s" },
        { "Then I receive exactly 3 messages where \"$.type\" is \"tick\"", "Then \"Bob\" receives exactly 1 message where \"$.type\" is \"delayed\" within 2 s" },
        { "Then I receive exactly 2 messages matching \"^Message text was: \"", "Then I receive exactly 1 message matching \"late\" within 1 s" },
        { "Then I receive messages where \"$.seq\" runs from 1 to 1000", "Then \"Bob\" receives messages where \"$.seq\" runs from 1 to 3 within 5 s" },
        { "Then I receive the bytes \"01 02 ff\"", "Then I receive the bytes \"01 02 ff\" within 500 ms" },
        { "Then I receive a message matching the contract message \"sum\"", "Then \"Bob\" receives a message matching the contract message \"greeting\" within 1 s" },
        { "Then I receive a message matching the JSON schema \"schemas/json-greeting.json\"", "Then \"Bob\" receives a message matching the JSON schema \"schemas/json-tick.json\" within 1 s" },
        { "Then I receive a JSON message where \"$.to.name\" is \"Ada\"", "Then I receive a JSON message where \"$.type\" is \"delayed\" within 1 s" },
        { "Then \"Bob\" receives ReceiveMessage(\"Alice\", \"hi\")", "Then I receive UserJoined(\"ada\", \"red\") within 1 s" },
        { "When I try to connect to \"/secure\"", "When I try to connect to \"/stall\" within 300 ms" },
        { "Then connecting to \"/secure\" fails", "Then connecting to \"/stall\" fails within 300 ms" },
        { "Then I receive a JSON message equal to:\n  \"\"\"\n  { \"type\": \"delayed\" }\n  \"\"\"", "Then I receive within 1 s a JSON message equal to:\n  \"\"\"\n  { \"type\": \"delayed\" }\n  \"\"\"" },
        { "Then \"Bob\" receives a JSON message containing:\n  \"\"\"\n  { \"type\": \"tick\" }\n  \"\"\"", "Then \"Bob\" receives within 500 ms a JSON message containing:\n  \"\"\"\n  { \"type\": \"tick\" }\n  \"\"\"" },
        { "Then \"Bob\" and \"Carol\" receive a JSON message where \"$.type\" is \"tick\"", "Then \"Bob\", \"Carol\" and \"Dave\" receive a JSON message where \"$.type\" is \"tick\" within 1 s" },
    };

    [Theory]
    [MemberData(nameof(FormerPairs))]
    public void Both_forms_of_a_former_pair_match_one_binding(string plain, string within)
    {
        var withoutTime = BindingOf(plain);
        var withTime = BindingOf(within);

        withoutTime.Should().NotBeNull($"\"{plain}\" should match a sentence");
        withTime.Should().BeSameAs(withoutTime, $"\"{within}\" should match the sentence \"{withoutTime!.SourceExpression}\" itself");
        withoutTime.SourceExpression.Should().Contain("{within}");
    }

    [Fact]
    public void No_sentence_has_a_within_duration_twin_any_more()
    {
        var expressions = vocabulary.Bindings.Select(b => b.SourceExpression).ToHashSet();

        expressions.Where(e => e.EndsWith(" within {duration}", StringComparison.Ordinal) && expressions.Contains(e[..^" within {duration}".Length] + "{within}"))
            .Should().BeEmpty();
    }

    [Fact]
    public void Every_sentence_that_shows_within_T_takes_it_where_it_stands()
    {
        var problems = new List<string>();
        foreach (var entry in vocabulary.Catalog.Entries.Where(e => e.TakesWithin))
        {
            var lines = entry.Example.Split('\n');
            var first = lines[0];
            // Every place between words or before a closing colon, outside quoted text.
            var placed = Enumerable.Range(0, first.Length + 1).Where(i => (i == first.Length || first[i] is ' ' or ':') && first[..i].Count(c => c == '"') % 2 == 0)
                .Select(i => string.Join("\n", [first.Insert(i, " within 750 ms"), .. lines.Skip(1)]))
                .Where(example => BindingOf(example) is { } binding && binding.SourceExpression == entry.Expression
                                  && binding.Regex.Match(example.Split('\n')[0][(example.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Groups
                                      .Cast<System.Text.RegularExpressions.Group>().Skip(1).Any(g => g.Value == " within 750 ms"))
                .ToList();
            if (placed.Count != 1)
            {
                problems.Add($"{entry.Binding}: \"{entry.Shown}\" takes \"within 750 ms\" in {placed.Count} places");
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Within_T_is_read_as_its_time_and_nothing_as_the_suite_timeout()
    {
        var types = new ParameterTypes();

        types.WithinTime(" within 750 ms").Or(TimeSpan.FromSeconds(2)).Should().Be(TimeSpan.FromMilliseconds(750));
        types.WithinTime(" within 1.5 seconds").Or(TimeSpan.FromSeconds(2)).Should().Be(TimeSpan.FromSeconds(1.5));
        types.WithinTime("").Or(TimeSpan.FromSeconds(2)).Should().Be(TimeSpan.FromSeconds(2));
        default(Within).Or(TimeSpan.FromMilliseconds(300)).Should().Be(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void A_sentence_whose_time_is_its_meaning_keeps_its_duration()
    {
        // "no message within 300 ms" waits the whole time for nothing to come: the time is not a deadline, so it is not optional.
        vocabulary.Bindings.Select(b => b.SourceExpression).Should().Contain([
            "{who} receive(s) no message within {duration}",
            "{who} receive(s) no further message within {duration}",
            "{who} receive(s) a reply within {duration}",
            "{who} do(es) not receive {hub-call} within {duration}"]);
        BindingOf("Then I receive no message")?.SourceExpression.Should().NotContain("no message");
    }

    [Fact]
    public void The_catalog_explains_within_T_once_and_says_for_every_sentence_whether_it_waits()
    {
        var markdown = CatalogMarkdown.Render(vocabulary.Catalog);

        markdown.Split("| `[within T]` | Optional: nothing, or `within` and a length of time").Should().HaveCount(2);
        markdown.Should().NotContain("{within}").And.NotContain("within {duration}` | Some");
        vocabulary.Catalog.Entries.Should().OnlyContain(e => e.Waits.Length > 0);
        markdown.Should()
            .Contain("| `Then {who} receive(s) a message containing {string} [within T]` | Some message so far contains the text. " +
                     "| until it holds: up to the timeout, or `within T` | `Then I receive a message containing \"Hello\"` |")
            .And.Contain("| `Then {who} receive(s) [within T] a JSON message equal to:` |")
            .And.Contain("| `Then {who} receive(s) no message within {duration}` | No message arrives after the last one sent on this connection " +
                         "(or after it opened, if none was sent) for the given time. | the whole time given: it passes only if nothing arrived in it |")
            .And.Contain("| no: it sends the invocation and goes on; `Then the invocation returns …` or `… fails with …` waits for the result |")
            .And.Contain("| `When {who} send(s) {string}` | Sends one text message. | no |");
    }

    public static TheoryData<string, string> WrittenWithin => new()
    {
        { "Then I get a message containing \"hi\" within 500 ms", "Then I receive a message containing \"hi\" within 500 ms" },
        { "Then I get within 1 s a JSON message containing:", "Then I receive within 1 s a JSON message containing:" },
        { "Then the sever closes the conection within 3 s", "Then the server closes the connection within 3 s" },
        { "Then the 1st message contains \"b\" within 2 s", "Then the first message contains \"b\" within 2 s" },
        { "Then I don't get any message within 300 ms", "Then I receive no message within 300 ms" },
    };

    [Theory]
    [MemberData(nameof(WrittenWithin))]
    public void The_advisor_keeps_the_writers_within_T_where_the_sentence_takes_it(string written, string meant)
    {
        var space = written.IndexOf(' ', StringComparison.Ordinal);

        new CatalogAdvisor(vocabulary.Catalog, vocabulary.Registry).ClosestSentences(written[..space], written[(space + 1)..])
            .Should().NotBeEmpty().And.Subject.First().Should().Be(meant);
    }

    private IStepDefinitionBinding? BindingOf(string example)
    {
        var lines = example.Split('\n');
        var first = lines[0].Trim();
        var feature = $"Feature: f\nScenario: s\n  {first}\n{string.Join("\n", lines.Skip(1).Select(l => "  " + l))}\n";
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

        var step = new StepInstance(StepDefinitionType.Then, StepDefinitionKeyword.Then, "Then ", pickleStep.Text, pickleStep.Argument?.DocString?.Content, table, null);
        var match = vocabulary.Matching.GetBestMatch(step, CultureInfo.InvariantCulture, out _, out _);
        return match.Success ? match.StepBinding : null;
    }
}
