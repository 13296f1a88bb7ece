using System.Xml.Linq;
using Microsoft.VisualStudio.SolutionPersistence.Serializer;

namespace BddWs.Cli.Suites;

/// <summary>
/// Finds a suite's test project: the one named, else, from the current folder up to the repository's
/// top, a project there or under its <c>features/</c> folder that uses the BddWs bridge, else the one
/// such project in the solution there. A suite is recognised by its reference to the bridge (package
/// or project), the one piece every BddWs suite has, so no folder name of any repository is assumed.
/// </summary>
public static class SuiteLocator
{
    private const string Bridge = "BddWs.Bridge";

    public static async Task<string> FindAsync(string currentFolder, string? named, CancellationToken cancel = default)
    {
        if (named is { Length: > 0 })
        {
            return Named(Path.GetFullPath(named, currentFolder));
        }

        for (var folder = new DirectoryInfo(currentFolder); folder is not null; folder = folder.Parent)
        {
            if (Single(SuitesIn(folder.FullName), folder.FullName) is { } here)
            {
                return here;
            }

            if (Single(SuitesIn(Path.Combine(folder.FullName, "features")), Path.Combine(folder.FullName, "features")) is { } underFeatures)
            {
                return underFeatures;
            }

            var solutions = Solutions(folder.FullName);
            if (solutions.Count > 0)
            {
                var inSolutions = new List<string>();
                foreach (var solution in solutions)
                {
                    inSolutions.AddRange(await ProjectsOfAsync(solution, cancel));
                }

                var suites = inSolutions.Distinct().Where(IsSuite).ToList();
                return Single(suites, folder.FullName)
                    ?? throw new SuiteNotFoundException($"No BddWs suite found in {folder.FullName}: no project under features/ or in its solution uses BddWs.Bridge. Name one with --project <path to its .csproj>.");
            }

            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                break;
            }
        }

        throw new SuiteNotFoundException($"No BddWs suite found from {currentFolder}: run this in a suite's folder, or name its project with --project <path to its .csproj>.");
    }

    /// <summary>A project whose file references the BddWs bridge (its package or its project).</summary>
    public static bool IsSuite(string projectFile)
    {
        try
        {
            return XDocument.Load(projectFile).Descendants()
                .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference")
                .Select(e => (string?)e.Attribute("Include") ?? "")
                .Any(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')).Equals(Bridge, StringComparison.OrdinalIgnoreCase)
                                || include.Equals(Bridge, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Named(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        if (Directory.Exists(path))
        {
            var projects = Directory.GetFiles(path, "*.csproj");
            return projects.Length == 1
                ? projects[0]
                : throw new SuiteNotFoundException(projects.Length == 0
                    ? $"No project in {path}: name the suite's .csproj with --project."
                    : $"{projects.Length} projects in {path}: name the suite's .csproj with --project.");
        }

        throw new SuiteNotFoundException($"--project {path}: no such file or folder.");
    }

    private static IReadOnlyList<string> SuitesIn(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csproj").Where(IsSuite).ToList() : [];

    private static string? Single(IReadOnlyList<string> suites, string folder) => suites.Count switch
    {
        0 => null,
        1 => suites[0],
        _ => throw new SuiteNotFoundException(
            $"{suites.Count} BddWs suites in {folder} ({string.Join(", ", suites.Select(Path.GetFileName).Order())}): name one with --project."),
    };

    private static IReadOnlyList<string> Solutions(string folder) =>
        Directory.GetFiles(folder, "*.sln").Concat(Directory.GetFiles(folder, "*.slnx")).ToList();

    private static async Task<IEnumerable<string>> ProjectsOfAsync(string solution, CancellationToken cancel)
    {
        if (SolutionSerializers.GetSerializerByMoniker(solution) is not { } serializer)
        {
            return [];
        }

        var model = await serializer.OpenAsync(solution, cancel);
        var folder = Path.GetDirectoryName(solution)!;
        return model.SolutionProjects
            .Select(p => Path.GetFullPath(p.FilePath.Replace('\\', Path.DirectorySeparatorChar), folder))
            .Where(File.Exists);
    }
}
