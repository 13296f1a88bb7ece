using BddWs.ReqnrollPlugin.Reporting;
using FluentAssertions;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Reporting;

/// <summary>A step's output on the page: text, never markup; a shortened message's whole text folded under its line.</summary>
public sealed class WholeMessagesTests
{
    [Fact]
    public void A_line_shows_as_the_text_it_is_even_when_it_looks_like_markup()
    {
        WholeMessages.PageHtml("← received \"<img src=x onerror=alert(1)> & more\" (+3 ms)")
            .Should().Be("← received \"&lt;img src=x onerror=alert(1)&gt; &amp; more\" (+3 ms)");
        WholeMessages.PageHtml("→ sent \"{\"a\":1}\" (+1 ms)").Should().Be("→ sent \"{\"a\":1}\" (+1 ms)", "quotes need no escaping between tags");
    }

    [Fact]
    public void A_whole_text_folds_under_a_summary_that_says_its_length()
    {
        WholeMessages.PageHtml(WholeMessages.Record("{\"note\":\"<b>\"}"))
            .Should().Be("<details><summary>the whole message (14 characters)</summary>{\"note\":\"&lt;b&gt;\"}</details>");
    }
}
