using BddWs.Testing;
using BddWs.ReqnrollPlugin.Catalog;
using FluentAssertions;
using Xunit;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Catalog;

/// <summary>The committed step catalog is the one the bindings produce: never edited by hand, never stale.</summary>
public sealed class CatalogDocumentTests(VocabularyFixture vocabulary) : IClassFixture<VocabularyFixture>
{
    [Fact]
    public void The_committed_markdown_catalog_is_up_to_date()
    {
        var path = Repository.PathOf(CatalogMarkdown.RepositoryPath);
        var current = CatalogMarkdown.Render(vocabulary.Catalog);
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";
        if (committed != current)
        {
            // Rewriting it here makes the fix a review-and-commit, not a hunt for a command.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, current);
        }

        committed.Should().Be(current, $"{CatalogMarkdown.RepositoryPath} must match the step bindings; it has now been regenerated: review and commit it");
    }

    [Fact]
    public void The_catalog_lists_each_group_with_its_sentences()
    {
        var markdown = CatalogMarkdown.Render(vocabulary.Catalog);

        markdown.Should().Contain("## Connecting").And.Contain("## Sending").And.Contain("## Receiving").And.Contain("## Closing");
        markdown.Should().Contain("| `Then {who} receive(s) a message containing {string} [within T]` | Some message so far contains the text. " +
                                  "| until it holds: up to the timeout, or `within T` | `Then I receive a message containing \"Hello\"` |");
    }

    [Fact]
    public void The_catalog_says_once_at_the_top_that_any_keyword_works_and_shows_each_sentence_with_its_natural_one()
    {
        var markdown = CatalogMarkdown.Render(vocabulary.Catalog);
        var html = CatalogHtml.Render(vocabulary.Catalog);

        markdown.Should().StartWith("# Step catalog\n\nAny keyword works: each sentence is shown with the keyword it reads best after, " +
                                    "but it matches after `Given`, `When`, `Then`, `And`, `But` or `*` alike.\n");
        markdown.Split("Any keyword works").Should().HaveCount(2);
        html.Should().Contain("<p class=\"lead\">Any keyword works: each sentence is shown with the keyword it reads best after, but it matches after " +
                              "<code>Given</code>, <code>When</code>, <code>Then</code>, <code>And</code>, <code>But</code> or <code>*</code> alike.</p>");
        // A sentence bound for every keyword shows the one its example starts with.
        markdown.Should().Contain("| `When I remember the result as {string} [within T]` |").And.Contain("| `Given the subprotocol {string} is requested` |")
            .And.NotContain("Given/When/Then");
    }
}
