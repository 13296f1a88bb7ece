using BddWs.Cli.Running;
using BddWs.Cli.Suites;

namespace BddWs.Cli.Watching;

/// <summary>
/// The product owner's loop: runs the scenarios, then again on every save. The next run is started
/// ahead and stands by, ready, while the files are watched; a save sends it the word and it runs at
/// once, reading the feature files as they are then. A change to the code builds first. A run's
/// results are printed in full before the loop says it watches again.
/// </summary>
public sealed class WatchLoop(LoopFolder loop, IReadOnlyList<string> arguments, string scope, TextWriter output)
{
    public async Task RunAsync(CancellationToken cancel)
    {
        Directory.CreateDirectory(loop.Watch);
        var readyFile = Path.Combine(loop.Watch, "ready");
        SuiteProcess? standby = null;
        try
        {
            var runNow = true;
            var since = DateTime.UtcNow;
            IReadOnlyList<string> featuresAtRun = [];
            while (true)
            {
                var record = await LoopBuild.EnsureAsync(loop, output, cancel);
                if (record is null)
                {
                    output.WriteLine("The build failed; watching for the next save (Ctrl+C stops).");
                    var failedAt = DateTime.UtcNow;
                    var last = BuildRecord.Load(loop.Record);
                    using var afterFailure = Watcher(last);
                    await afterFailure.WaitAsync(
                        () => last is null
                            ? ChangedSince(failedAt)
                            : SuiteFiles.SavedFeatureFile(last.Root, failedAt) ?? SuiteFiles.ChangedCode(last with { StartedUtc = failedAt }),
                        cancel);
                    continue;
                }

                File.Delete(readyFile);
                standby = SuiteProcess.Start(record, loop, arguments, readyFile);

                if (!runNow)
                {
                    await standby.WaitUntilReadyAsync(readyFile, cancel);
                    output.WriteLine($"Watching {Path.GetRelativePath(Environment.CurrentDirectory, SuiteFiles.FeaturesFolder(record.Root)).Replace('\\', '/')}/ and the suite's code: each save runs {scope} again (Ctrl+C stops).");
                    using (var watcher = Watcher(record))
                    {
                        await watcher.WaitAsync(() => Changed(record, since, featuresAtRun), cancel);
                    }

                    if (BuildDecision.WhyBuild(record, loop.Project, BuildDecision.Take(record, loop)) is not null)
                    {
                        standby.Dispose();
                        standby = null;
                        runNow = true;
                        continue;
                    }
                }

                since = DateTime.UtcNow;
                featuresAtRun = SuiteFiles.Features(record.Root);
                if (standby.HasExited)
                {
                    // It could not stand by (it stopped while getting ready): this run starts afresh.
                    standby.Dispose();
                    standby = SuiteProcess.Start(record, loop, arguments);
                }
                else
                {
                    standby.Go();
                }

                await standby.WaitAsync(cancel);
                standby.Dispose();
                standby = null;
                runNow = false;
            }
        }
        finally
        {
            standby?.Dispose();
        }
    }

    /// <summary>Before any build succeeded: any file of the suite's folder but its output.</summary>
    private string? ChangedSince(DateTime since)
    {
        var root = loop.Suite;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .FirstOrDefault(f => !SuiteFiles.IsInSkippedFolder(Path.GetRelativePath(root, f)) && !SuiteFiles.IsEditorsOwn(f)
                                 && File.GetLastWriteTimeUtc(f) > since);
    }

    /// <summary>What was saved since the last run started, or null.</summary>
    private string? Changed(BuildRecord record, DateTime since, IReadOnlyList<string> featuresBefore) =>
        SuiteFiles.SavedFeatureFile(record.Root, since)
        ?? (SuiteFiles.Features(record.Root).SequenceEqual(featuresBefore) ? null : "the list of feature files")
        ?? BuildDecision.WhyBuild(record, loop.Project, BuildDecision.Take(record, loop));

    /// <summary>The feature files' folder, the code's folders, and the folders of the other files the build reads (settings).</summary>
    private SaveWatcher Watcher(BuildRecord? record)
    {
        if (record is null)
        {
            // Nothing known of the suite yet: its whole folder would be too many folders to watch; checked once a second.
            return new SaveWatcher([]);
        }

        var recursive = record.CodeFolders.Append(SuiteFiles.FeaturesFolder(record.Root)).ToList();
        var single = record.Inputs.Select(i => Path.GetDirectoryName(i)!)
            .Where(folder => !recursive.Any(r => folder == r || SuiteFiles.IsUnder(folder, r)))
            .Distinct();
        return new SaveWatcher(recursive.Select(f => (f, true)).Concat(single.Select(f => (f, false))));
    }
}
