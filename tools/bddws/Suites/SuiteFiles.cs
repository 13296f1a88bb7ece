using BddWs.Bridge.Generator;

namespace BddWs.Cli.Suites;

/// <summary>The suite's files as they are on disk now: its feature files, and changes to its code since a build.</summary>
public static class SuiteFiles
{
    /// <summary>Folders never part of a suite's sources: build output, reports, tools' own.</summary>
    private static readonly HashSet<string> NotSources = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "artifacts", "reports", "TestResults", "node_modules" };

    private static readonly string[] CodeExtensions = [".cs", ".csproj", ".props", ".targets"];

    public static string FeaturesFolder(string root) => Path.Combine(root, "features");

    /// <summary>The feature files, relative to the suite's folder with forward slashes, in order.</summary>
    public static IReadOnlyList<string> Features(string root)
    {
        var folder = FeaturesFolder(root);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories)
                .Where(f => !IsInSkippedFolder(Path.GetRelativePath(folder, f)))
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    /// <summary>The feature files tagged <c>@serial</c> above their <c>Feature:</c> line, read as the generator reads them.</summary>
    public static IReadOnlyList<string> Serial(string root, IEnumerable<string> features) =>
        features.Where(f => ReadOrEmpty(Path.Combine(root, f)) is var text && FeatureTags.Of(text).Contains(FeatureTags.Serial)).ToList();

    /// <summary>The first code file added, changed or removed since the build of <paramref name="record"/>, or null.</summary>
    public static string? ChangedCode(BuildRecord record)
    {
        ISet<string> inputs = new HashSet<string>(record.Inputs, StringComparer.Ordinal);
        foreach (var input in record.Inputs)
        {
            if (!File.Exists(input))
            {
                return input;
            }

            if (File.GetLastWriteTimeUtc(input) > record.StartedUtc)
            {
                return input;
            }
        }

        // A new source file may land where no input is yet (a suite's Support/ that a glob compiles): the
        // suite's whole folder is looked through, but for output, hidden folders and other projects' folders.
        var roots = record.CodeFolders.Where(f => !SuiteFiles.IsUnder(f, record.Root)).Prepend(record.Root).Where(Directory.Exists);
        return roots.SelectMany(root => CodeFilesUnder(root, inputs))
            .FirstOrDefault(file => !inputs.Contains(file) && File.GetLastWriteTimeUtc(file) > record.StartedUtc);
    }

    /// <summary>Source and project files under <paramref name="folder"/>, leaving out folders that hold a project the suite does not build.</summary>
    private static IEnumerable<string> CodeFilesUnder(string folder, ISet<string> inputs)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Where(IsCode))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(child);
            if (name.StartsWith('.') || NotSources.Contains(name)
                || Directory.EnumerateFiles(child).Any(f => IsProjectFile(f) && !inputs.Contains(f)))
            {
                continue;
            }

            foreach (var file in CodeFilesUnder(child, inputs))
            {
                yield return file;
            }
        }
    }

    /// <summary>The first file under <c>features/</c> saved after <paramref name="sinceUtc"/> (editors' own files aside), or null.</summary>
    public static string? SavedFeatureFile(string root, DateTime sinceUtc)
    {
        var folder = FeaturesFolder(root);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .FirstOrDefault(f => !IsEditorsOwn(f) && !IsInSkippedFolder(Path.GetRelativePath(folder, f)) && File.GetLastWriteTimeUtc(f) > sinceUtc)
            : null;
    }

    /// <summary>Swap, backup and lock files that editors write beside the file they save.</summary>
    public static bool IsEditorsOwn(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith('.') || name.StartsWith('#') || name.EndsWith('~') || name == "4913"
               || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".swx", StringComparison.OrdinalIgnoreCase)
               || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsProjectFile(string path) => Path.GetExtension(path).EndsWith("proj", StringComparison.OrdinalIgnoreCase);

    public static bool IsCode(string path) => CodeExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>Under build output, reports or a hidden folder (<c>.git</c>, an editor's).</summary>
    public static bool IsInSkippedFolder(string relativePath)
    {
        var parts = relativePath.Split('/', '\\');
        return parts[..^1].Any(part => part.StartsWith('.') || NotSources.Contains(part));
    }

    private static string ReadOrEmpty(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
