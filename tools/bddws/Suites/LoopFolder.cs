namespace BddWs.Cli.Suites;

/// <summary>
/// Where the loop keeps its own build of a suite, apart from <c>dotnet test</c>'s: <c>artifacts/loop</c>
/// in the suite's folder (the nearest folder, from the project's own up, that holds <c>features/</c>),
/// with its intermediate files in <c>artifacts/loop-build</c>: the runtime that build names would
/// otherwise change what <c>dotnet test</c> restored, and each would restore and compile again after the other.
/// </summary>
public sealed record LoopFolder(string Project, string Suite, string Folder, string BuildArtifacts)
{
    public static LoopFolder For(string project)
    {
        var projectFolder = Path.GetDirectoryName(Path.GetFullPath(project))!;
        var suite = projectFolder;
        for (var folder = new DirectoryInfo(projectFolder); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "features")))
            {
                suite = folder.FullName;
                break;
            }
        }

        var artifacts = Path.Combine(suite, "artifacts");
        return new LoopFolder(Path.GetFullPath(project), suite, Path.Combine(artifacts, "loop"), Path.Combine(artifacts, "loop-build"));
    }

    /// <summary>What the last successful build saw.</summary>
    public string Record => Path.Combine(Folder, "bddws-build.json");

    /// <summary>The watch loop's files: the next run's ready file.</summary>
    public string Watch => Path.Combine(Folder, "watch");

    public string Executable(string assemblyName) =>
        Path.Combine(Folder, OperatingSystem.IsWindows() ? assemblyName + ".exe" : assemblyName);
}
