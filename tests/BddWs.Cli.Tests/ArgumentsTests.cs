using System.CommandLine;
using BddWs.Cli.Commands;
using BddWs.Cli.Running;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests;

/// <summary>Tags become xUnit traits; what follows -- goes to the test executable untouched.</summary>
public sealed class ArgumentsTests
{
    [Fact]
    public void Each_tag_is_a_category_trait_with_or_without_its_at()
    {
        TestArguments.For(["echo", "@chat"], []).Should().Equal("-trait", "Category=echo", "-trait", "Category=chat");
    }

    [Fact]
    public void The_command_line_tags_and_what_follows_the_double_dash()
    {
        var (suite, parse) = Parse("watch", "echo", "@chat", "--", "-method", "*Echo*");

        suite.TestArgumentsOf(parse).Should().Equal("-trait", "Category=echo", "-trait", "Category=chat", "-method", "*Echo*");
        suite.ScopeOf(parse).Should().Be("the @echo or @chat scenarios");
        parse.Errors.Should().BeEmpty();
    }

    [Fact]
    public void No_tags_every_scenario()
    {
        var (suite, parse) = Parse("run", "--project", "features/Specs.csproj");

        suite.TestArgumentsOf(parse).Should().BeEmpty();
        suite.ScopeOf(parse).Should().Be("every scenario");
        parse.GetValue(suite.Project).Should().Be("features/Specs.csproj");
    }

    [Fact]
    public void An_unknown_option_is_an_error_not_a_tag()
    {
        var (suite, parse) = Parse("watch", "--verbose", "echo");

        var read = () => suite.Read(parse);

        read.Should().Throw<UsageException>().WithMessage("Unknown option --verbose: options for the test executable go after --, as in: dotnet bddws watch echo -- --verbose");
    }

    private static (SuiteArguments Suite, ParseResult Parse) Parse(params string[] args)
    {
        var suite = new SuiteArguments();
        var root = new RootCommand { WatchCommand.Create(suite), RunCommand.Create(suite) };
        return (suite, root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null }));
    }
}
