using System.CommandLine;
using BddWs.Cli.Running;
using BddWs.Cli.Suites;

namespace BddWs.Cli.Commands;

/// <summary>
/// <c>bddws run [tags] [--shard i/n]</c>: the scenarios once (of one shard, for a CI's parallel jobs), built
/// first when the code changed; the exit code is the run's.
/// </summary>
public static class RunCommand
{
    public static Command Create(SuiteArguments suite)
    {
        var buildOnly = new Option<bool>("--build-only") { Description = "Only build the suite the way the loop runs it, when it changed." };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run one shard of the suite: whole features, the same split on every machine (sets BDDWS_SHARD; BDDWS_REPORTS names its report folder).",
            HelpName = "i/n",
        };
        var command = new Command("run", "Run the suite's scenarios once (all, or those with the given tags), building first only when its code changed.");
        suite.AddTo(command);
        command.Options.Add(buildOnly);
        command.Options.Add(shard);
        command.SetAction(async (parse, cancel) =>
        {
            var loop = LoopFolder.For(await SuiteLocator.FindAsync(Environment.CurrentDirectory, parse.GetValue(suite.Project), cancel));
            if (await LoopBuild.EnsureAsync(loop, Console.Out, cancel) is not { } record)
            {
                Console.Error.WriteLine("The build failed.");
                return 1;
            }

            if (parse.GetValue(buildOnly))
            {
                return 0;
            }

            var environment = ShardEnvironment.For(parse.GetValue(shard), Environment.GetEnvironmentVariable, Environment.CurrentDirectory);
            using var run = SuiteProcess.Start(record, loop, suite.TestArgumentsOf(parse), environment: environment);
            return await run.WaitAsync(cancel);
        });
        return command;
    }
}
