namespace BddWs.Cli.Suites;

/// <summary>
/// Whether the loop must build before it runs, and why, in words for the person waiting. An edited
/// scenario never needs a build: the suite reads each feature file as the run starts.
/// </summary>
public static class BuildDecision
{
    /// <summary>The suite's state now, against the last build's record.</summary>
    public sealed record Now(bool ExecutableExists, IReadOnlyList<string> Features, IReadOnlyList<string> Serial, string? ChangedCode);

    public static Now Take(BuildRecord? record, LoopFolder loop)
    {
        if (record is null)
        {
            return new Now(false, [], [], null);
        }

        var features = SuiteFiles.Features(record.Root);
        return new Now(File.Exists(loop.Executable(record.AssemblyName)), features, SuiteFiles.Serial(record.Root, features), SuiteFiles.ChangedCode(record));
    }

    /// <summary>Null when the last build is still good; else the reason to build again.</summary>
    public static string? WhyBuild(BuildRecord? record, string project, Now now)
    {
        if (record is null || !now.ExecutableExists)
        {
            return "no build of the suite yet";
        }

        if (!string.Equals(record.Project, project, StringComparison.Ordinal))
        {
            return "another project than last time";
        }

        if (!now.Features.SequenceEqual(record.Features))
        {
            return "a feature file was added, renamed or removed";
        }

        if (!now.Serial.SequenceEqual(record.Serial))
        {
            return "the features tagged @serial changed";
        }

        return now.ChangedCode is { } changed
            ? $"{Path.GetRelativePath(record.Root, changed).Replace('\\', '/')} changed"
            : null;
    }
}
