using BddWs.Specs.Support.Bridge;
using FluentAssertions;
using Xunit;

namespace BddWs.Tests.Bridge;

/// <summary>The tags of a feature file the parser rejects are still read, so tag filters select it.</summary>
public sealed class TagLinesTests
{
    [Fact]
    public void Every_tag_line_counts_and_comments_end_it()
    {
        const string text = "@echo @smoke\nFeature: Broken\n  @slow #not a tag @later\n  Scenario: x\n    | a | b |\n    | c |\n    # @commented\n";

        TagLines.Read(text).Should().Equal("echo", "smoke", "slow");
    }
}
