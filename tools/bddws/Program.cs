using System.CommandLine;
using BddWs.Cli.Commands;
using BddWs.Cli.Suites;

var suite = new SuiteArguments();
var root = new RootCommand("bddws: the product owner's loop for a BddWs suite, one report from the shards of a run, and drafts of features from recorded sessions.")
{
    WatchCommand.Create(suite),
    RunCommand.Create(suite),
    MergeCommand.Create(),
    RecordCommand.Create(),
};

// A tag may be written @echo: no response files (@file) here.
var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
try
{
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10), EnableDefaultExceptionHandler = false });
}
catch (Exception failure) when (failure is SuiteNotFoundException or SuiteBuildException or UsageException)
{
    Console.Error.WriteLine(failure.Message);
    return 1;
}
catch (OperationCanceledException)
{
    // Ctrl+C (or TERM): the runs it started are gone; the shell's code for an interrupted command.
    return 130;
}
