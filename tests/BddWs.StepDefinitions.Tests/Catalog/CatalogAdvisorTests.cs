using BddWs.ReqnrollPlugin.Catalog;
using FluentAssertions;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Catalog;

/// <summary>
/// The closest sentences are the ones the writer meant: what a product owner new to BddWs writes
/// for a sentence of the catalog, and the suggestion that must come first.
/// </summary>
public sealed class CatalogAdvisorTests(VocabularyFixture vocabulary) : IClassFixture<VocabularyFixture>
{
    public static TheoryData<string, string> Slips => new()
    {
        // Another verb for the same act.
        { "When I call Deal(2)", "When I invoke Deal(2)" },
        { "When I invoke Add(2, 3) on the hub", "When I invoke Add(2, 3)" },
        { "Then I get a message containing \"x\"", "Then I receive a message containing \"x\"" },
        { "Given I open a connection to \"/chat\"", "When I connect to \"/chat\"" },
        { "When I post \"Hello\"", "When I send \"Hello\"" },
        { "When I emit \"ping\"", "When I send \"ping\"" },
        { "When I disconnect", "When I close the connection" },
        { "Then the server disconnects", "Then the server closes the connection" },
        { "Given I store \"Ada\" as \"user\"", "Given I remember \"Ada\" as \"user\"" },
        { "Then the stream returns 3, 2 and 1 and completes", "Then the stream yields 3, 2 and 1 and completes" },
        { "Then the invocation gives an error \"cannot divide by zero\"", "Then the invocation fails with \"cannot divide by zero\"" },
        { "Then the result is 5", "Then the invocation returns 5" },
        { "When I do a GET request to \"/health\"", "When I send a GET request to \"/health\"" },
        // Another noun for the same thing.
        { "Then I expect a reply within 100 ms", "Then I receive a reply within 100 ms" },
        { "Then the server closes the socket with code 1000", "Then the server closes the connection with status 1000" },
        { "When I close the connection with code 4000 and reason \"done\"", "When I close the connection with status 4000 and reason \"done\"" },
        { "Then the response code is 404", "Then the response status is 404" },
        { "When I send the file \"payloads/order.json\"", "When I send the content of \"payloads/order.json\"" },
        { "Then connection fails with 401", "Then connecting fails with status 401" },
        // Words added, left out, in another order or another form.
        { "Then I should receive a message that contains \"Hello\"", "Then I receive a message containing \"Hello\"" },
        { "Then I check that the response contains \"ok\"", "Then the response body contains \"ok\"" },
        { "When I send the message \"hi\"", "When I send \"hi\"" },
        { "Then I get 2 messages", "Then I receive exactly 2 messages" },
        { "Then the 1st message contains \"Hello\"", "Then the first message contains \"Hello\"" },
        { "Given I connect to the echo server", "Given I am connected to the echo server" },
        { "Then I don't get any message within 300 ms", "Then I receive no message within 300 ms" },
        { "When I cancel the streaming", "When I cancel the stream" },
        { "Then an error event arrives", "Then I get an error event" },
        { "Then I get a JSON message where \"$.type\" is \"tick\"", "Then I receive a JSON message where \"$.type\" is \"tick\"" },
        { "Given I am logged in to the hub \"/hubs/orders\" with the token \"${token}\"", "Given I am connected to the hub \"/hubs/orders\" with the access token \"${token}\"" },
        { "Then I receive a message like \"^Message text was: \\d+$\"", "Then I receive a message matching \"^Message text was: \\d+$\"" },
        // Typing slips.
        { "Then I recieve a mesage containing \"Hello\"", "Then I receive a message containing \"Hello\"" },
        { "When I sned \"hello\"", "When I send \"hello\"" },
        { "Then the sever closes the conection", "Then the server closes the connection" },
    };

    [Theory]
    [MemberData(nameof(Slips))]
    public void A_slip_gets_the_sentence_the_writer_meant_first(string written, string meant)
    {
        var space = written.IndexOf(' ', StringComparison.Ordinal);

        new CatalogAdvisor(vocabulary.Catalog, vocabulary.Registry).ClosestSentences(written[..space], written[(space + 1)..])
            .Should().NotBeEmpty().And.Subject.First().Should().Be(meant);
    }

    [Fact]
    public void The_keyword_plays_no_part()
    {
        var advisor = new CatalogAdvisor(vocabulary.Catalog, vocabulary.Registry);

        advisor.ClosestSentences("Given", "I get a mesage containing \"hi\"").Should()
            .Equal(advisor.ClosestSentences("Then", "I get a mesage containing \"hi\"")).And.HaveCount(CatalogAdvisor.Suggestions);
    }

    [Fact]
    public void A_suggestion_keeps_its_example_values_when_the_writer_gave_none_of_that_kind()
    {
        new CatalogAdvisor(vocabulary.Catalog, vocabulary.Registry).ClosestSentences("Then", "I get exactly two messages")
            .Should().HaveElementAt(0, "Then I receive exactly 2 messages");
    }

    [Fact]
    public void A_sentence_like_nothing_in_the_catalog_gets_no_suggestion()
    {
        new CatalogAdvisor(vocabulary.Catalog, vocabulary.Registry).ClosestSentences("Given", "the moon is made of cheese").Should().BeEmpty();
    }
}
