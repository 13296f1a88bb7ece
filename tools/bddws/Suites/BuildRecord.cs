using System.Text.Json;

namespace BddWs.Cli.Suites;

/// <summary>
/// What the loop's last successful build started from: the files its build read (and the folders that
/// hold them, where a new source file would appear), the feature files, and those tagged <c>@serial</c>
/// (the generator makes a test class per feature file and a collection of the serial ones, so either
/// list changing needs a build). Written only once the build succeeded; <see cref="StartedUtc"/> is taken
/// before it starts, so a file saved meanwhile builds again.
/// </summary>
public sealed record BuildRecord(
    string Project,
    string Root,
    string AssemblyName,
    DateTime StartedUtc,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> CodeFolders,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Serial)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static BuildRecord? Load(string file)
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<BuildRecord>(File.ReadAllText(file), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(string file) => File.WriteAllText(file, JsonSerializer.Serialize(this, Json));

    /// <summary>
    /// The folders a new source file of the suite would land in: each project's folder, and the folders
    /// of sources a project takes from elsewhere (a suite's <c>../StepDefinitions/**/*.cs</c>), the
    /// outermost of each.
    /// </summary>
    public static IReadOnlyList<string> CodeFoldersOf(IEnumerable<string> inputs)
    {
        var list = inputs.ToList();
        var projects = list.Where(SuiteFiles.IsProjectFile).Select(p => Path.GetDirectoryName(p)!).ToList();
        var sources = list.Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).Select(p => Path.GetDirectoryName(p)!);
        var folders = projects.Concat(sources).Distinct().Order(StringComparer.Ordinal).ToList();
        return folders.Where(f => !folders.Any(other => other != f && SuiteFiles.IsUnder(f, other))).ToList();
    }
}
