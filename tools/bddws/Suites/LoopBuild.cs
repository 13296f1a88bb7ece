using System.Diagnostics;

namespace BddWs.Cli.Suites;

/// <summary>
/// Builds the suite as the loop runs it: published ReadyToRun (compiled ahead of time, so that a run
/// does not spend its first second compiling Reqnroll, xUnit and the suite) into <c>artifacts/loop</c>.
/// </summary>
public static class LoopBuild
{
    /// <summary>The last good build's record, building first when the suite changed since; null when the build failed (MSBuild said why).</summary>
    public static async Task<BuildRecord?> EnsureAsync(LoopFolder loop, TextWriter output, CancellationToken cancel)
    {
        var record = BuildRecord.Load(loop.Record);
        if (BuildDecision.WhyBuild(record, loop.Project, BuildDecision.Take(record, loop)) is not { } why)
        {
            return record;
        }

        output.WriteLine($"Building the suite ({why})...");
        return await BuildAsync(loop, output, cancel);
    }

    public static async Task<BuildRecord?> BuildAsync(LoopFolder loop, TextWriter output, CancellationToken cancel)
    {
        var started = DateTime.UtcNow;
        SuiteEvaluation evaluation;
        try
        {
            evaluation = await SuiteEvaluation.RunAsync(loop.Project, loop.Folder, cancel);
        }
        catch (SuiteBuildException failure)
        {
            output.WriteLine(failure.Message);
            return null;
        }

        var features = SuiteFiles.Features(evaluation.Root);
        var serial = SuiteFiles.Serial(evaluation.Root, features);
        var publish = new ProcessStartInfo("dotnet") { WorkingDirectory = evaluation.Root };
        foreach (var argument in (string[])
                 ["publish", loop.Project, "-c", "Debug", "--use-current-runtime", "-p:PublishReadyToRun=true",
                  "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + loop.BuildArtifacts, "-o", loop.Folder,
                  "-nologo", "-v", "q", "-clp:ErrorsOnly"])
        {
            publish.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(publish)!)
        {
            try
            {
                await process.WaitForExitAsync(cancel);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0)
            {
                return null;
            }
        }

        var record = new BuildRecord(loop.Project, evaluation.Root, evaluation.AssemblyName, started, evaluation.Inputs,
            BuildRecord.CodeFoldersOf(evaluation.Inputs), features, serial);
        record.Save(loop.Record);
        return record;
    }
}
