using BddWs.ReqnrollPlugin.Catalog;
using FluentAssertions;
using Xunit;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Catalog;

public sealed class CatalogAdvisorTests(VocabularyFixture vocabulary) : IClassFixture<VocabularyFixture>
{
    [Fact]
    public void A_misspelt_sentence_gets_the_intended_one_first()
    {
        var advisor = new CatalogAdvisor(vocabulary.Catalog);

        advisor.ClosestSentences("Then", "I get a mesage containing \"hi\"").Should().HaveCount(3)
            .And.HaveElementAt(0, "Then I receive a message containing \"Hello\"");
        advisor.ClosestSentences("When", "I send the message \"hi\"").Should().Contain("When I send \"Hello\"");
    }

    [Fact]
    public void Two_swapped_letters_are_one_slip()
    {
        new CatalogAdvisor(vocabulary.Catalog).ClosestSentences("When", "I sned \"hello\"").Should()
            .HaveElementAt(0, "When I send \"Hello\"");
    }

    [Fact]
    public void A_sentence_like_nothing_in_the_catalog_gets_no_suggestion()
    {
        new CatalogAdvisor(vocabulary.Catalog).ClosestSentences("Given", "the moon is made of cheese").Should().BeEmpty();
    }
}
