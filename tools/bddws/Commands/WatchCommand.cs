using System.CommandLine;
using BddWs.Cli.Suites;
using BddWs.Cli.Watching;

namespace BddWs.Cli.Commands;

/// <summary><c>bddws watch [tags]</c>: the product owner's loop, until Ctrl+C.</summary>
public static class WatchCommand
{
    public static Command Create(SuiteArguments suite)
    {
        var command = new Command("watch", "Run the scenarios (all, or those with the given tags), then again each time a feature file or the suite's code is saved. Ctrl+C stops.");
        suite.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var loop = LoopFolder.For(await SuiteLocator.FindAsync(Environment.CurrentDirectory, parse.GetValue(suite.Project), cancel));
            await new WatchLoop(loop, suite.TestArgumentsOf(parse), suite.ScopeOf(parse), Console.Out).RunAsync(cancel);
            return 0;
        });
        return command;
    }
}
