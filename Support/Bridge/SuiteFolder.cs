using System.Reflection;
using System.Text.Json.Nodes;

namespace BddWs.Bridge;

/// <summary>
/// The suite's folder, where <c>reqnroll.json</c> and <c>features/</c> live (<c>BddWsRoot</c> at
/// build time, recorded in the test assembly). Relative paths in <c>reqnroll.json</c> are read
/// against it, so the report lands in the same place however deep the build output is.
/// </summary>
public static class SuiteFolder
{
    private const string FormattersVariable = "REQNROLL_FORMATTERS";

    /// <summary>
    /// Moves the run's whole living documentation (its report writers' files, the catalog, the
    /// conversations) into this folder instead of the one set in <c>reqnroll.json</c>, so that several
    /// runs (shards) in one clone keep their own. A relative folder is read against the current folder.
    /// </summary>
    public const string ReportsVariable = "BDDWS_REPORTS";

    // The file names the report writers take in BDDWS_REPORTS when reqnroll.json gives them no path.
    private static readonly Dictionary<string, string> DefaultFileNames = new()
    {
        ["html"] = "living-doc.html",
        ["message"] = "messages.ndjson",
    };

    /// <summary>The folder of the test assembly being run; its output folder until the run starts.</summary>
    public static string Root { get; private set; } = AppContext.BaseDirectory;

    public static string Resolve(string path) => Path.GetFullPath(Path.Combine(Root, path));

    /// <summary>
    /// Called once as the run starts, before Reqnroll reads its formatter settings: hands them to
    /// Reqnroll with their paths made absolute (unless <c>REQNROLL_FORMATTERS</c> is set already and
    /// <c>BDDWS_REPORTS</c> is not: that folder always takes the report).
    /// </summary>
    public static void UseFolderOf(Assembly testAssembly)
    {
        Root = RootOf(testAssembly);
        if ((Environment.GetEnvironmentVariable(FormattersVariable) is null || ReportsFolder() is not null) && Formatters() is { } formatters)
        {
            Environment.SetEnvironmentVariable(FormattersVariable, new JsonObject { ["formatters"] = formatters.DeepClone() }.ToJsonString());
        }
    }

    /// <summary>
    /// Where the run's reports go: <c>BDDWS_REPORTS</c>, else the folder of the HTML report set in
    /// <c>reqnroll.json</c>, else <c>reports/</c>.
    /// </summary>
    public static string Reports() =>
        ReportsFolder() ?? Path.GetDirectoryName(Formatters()?["html"]?["outputFilePath"]?.GetValue<string>() ?? Resolve("reports/living-doc.html"))!;

    /// <summary>The run's Cucumber messages file (the <c>message</c> report writer's), absolute; null when none is set.</summary>
    public static string? MessagesFile() => Formatters()?["message"]?["outputFilePath"]?.GetValue<string>();

    /// <summary><c>BDDWS_REPORTS</c> in full; null when it is not set.</summary>
    private static string? ReportsFolder() =>
        Environment.GetEnvironmentVariable(ReportsVariable) is { Length: > 0 } folder ? CurrentFolder.Full(folder) : null;

    /// <summary>The suite's folder recorded in a test assembly at build time; its output folder if none is.</summary>
    public static string RootOf(Assembly testAssembly) =>
        testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BddWs.Root")?.Value
        ?? AppContext.BaseDirectory;

    /// <summary>
    /// The <c>formatters</c> section of <c>reqnroll.json</c>, each <c>outputFilePath</c> absolute, and in
    /// <c>BDDWS_REPORTS</c> when that is set (the same file name in that folder).
    /// </summary>
    public static JsonObject? Formatters()
    {
        var config = Path.Combine(AppContext.BaseDirectory, "reqnroll.json");
        if (!File.Exists(config) || JsonNode.Parse(File.ReadAllText(config))?["formatters"] is not JsonObject formatters)
        {
            return null;
        }

        var moved = ReportsFolder();
        foreach (var (name, settings) in formatters)
        {
            if (settings?["outputFilePath"]?.GetValue<string>() is { } path)
            {
                settings["outputFilePath"] = moved is null ? Resolve(path) : Path.Combine(moved, Path.GetFileName(path));
            }
            else if (moved is not null && settings is JsonObject unnamed && DefaultFileNames.TryGetValue(name, out var fileName))
            {
                unnamed["outputFilePath"] = Path.Combine(moved, fileName);
            }
        }

        return formatters;
    }
}
