using System.CommandLine;
using System.CommandLine.Parsing;
using BddWs.Cli.Running;

namespace BddWs.Cli.Commands;

/// <summary>
/// What every command that runs a suite takes: which suite (<c>--project</c>, else found from the
/// current folder), which scenarios (tags), and, after <c>--</c>, options for the test executable as they are.
/// </summary>
public sealed class SuiteArguments
{
    public Option<string?> Project { get; } = new("--project", "-p")
    {
        Description = "The suite's test project (.csproj, or its folder). Default: the project under features/, or the one BddWs suite of the solution, found from the current folder up.",
        HelpName = "path",
    };

    public Argument<string[]> Tags { get; } = new("tags")
    {
        Description = "Run only the scenarios with any of these tags (echo or @echo). Anything after -- goes to the test executable as it is.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Project);
        command.Arguments.Add(Tags);
    }

    /// <summary>The tags, and what came after <c>--</c> (which the parser also hands to the tags argument, last).</summary>
    public (IReadOnlyList<string> Tags, IReadOnlyList<string> PassedOn) Read(ParseResult parse)
    {
        var values = parse.GetValue(Tags) ?? [];
        var afterDoubleDash = parse.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).Skip(1).Count();

        // The parser hands a word it does not know to the tags: one that looks like an option (before
        // --) is a mistake, not a tag nobody has.
        if (parse.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash).FirstOrDefault(t => t.Type == TokenType.Argument && t.Value.StartsWith('-')) is { } option)
        {
            throw new UsageException(
                $"Unknown option {option.Value}: options for the test executable go after --, as in: dotnet bddws {parse.CommandResult.Command.Name} echo -- {option.Value}");
        }

        var passedOn = values[(values.Length - afterDoubleDash)..];
        return (values[..(values.Length - afterDoubleDash)], passedOn);
    }

    /// <summary>The test executable's arguments.</summary>
    public IReadOnlyList<string> TestArgumentsOf(ParseResult parse)
    {
        var (tags, passedOn) = Read(parse);
        return TestArguments.For(tags, passedOn);
    }

    /// <summary>How the loop names what it runs: "the @echo scenarios", or "every scenario".</summary>
    public string ScopeOf(ParseResult parse)
    {
        var tags = Read(parse).Tags.Select(t => "@" + t.TrimStart('@')).ToList();
        return tags.Count == 0 ? "every scenario" : $"the {string.Join(" or ", tags)} scenarios";
    }
}
