using System.Reflection;
using BddWs.ReqnrollPlugin.Catalog;
using FluentAssertions;
using Xunit;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Catalog;

/// <summary>
/// A sentence whose team wrote neither a summary nor an example (tests/LeakProbe's only one) shows
/// in the catalog page as not described yet, never as blank cells a reader must puzzle over.
/// </summary>
public sealed class UndocumentedSentenceTests
{
    [Fact]
    public void The_catalog_page_says_a_sentence_is_not_described_yet_and_has_no_example_yet()
    {
        var catalog = StepCatalog.FromAssembly(Assembly.LoadFrom(ProbeRun.PathOf("LeakProbe")));

        var html = CatalogHtml.Render(catalog);

        html.Should().Contain("<code>Given a connection the scenario never closes</code></td>" +
                              "<td class=\"missing\">Not described yet: ask the team to describe this sentence (its &lt;summary&gt;).</td>" +
                              "<td>no</td>" +
                              "<td class=\"missing\">No example yet: ask the team for one (an &lt;example&gt; of this sentence).</td></tr>");
    }
}
