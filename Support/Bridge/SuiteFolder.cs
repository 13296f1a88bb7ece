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

    /// <summary>The folder of the test assembly being run; its output folder until the run starts.</summary>
    public static string Root { get; private set; } = AppContext.BaseDirectory;

    public static string Resolve(string path) => Path.GetFullPath(Path.Combine(Root, path));

    /// <summary>
    /// Called once as the run starts, before Reqnroll reads its formatter settings: hands them to
    /// Reqnroll with their paths made absolute (unless <c>REQNROLL_FORMATTERS</c> is set already).
    /// </summary>
    public static void UseFolderOf(Assembly testAssembly)
    {
        Root = RootOf(testAssembly);
        if (Environment.GetEnvironmentVariable(FormattersVariable) is null && Formatters() is { } formatters)
        {
            Environment.SetEnvironmentVariable(FormattersVariable, new JsonObject { ["formatters"] = formatters.DeepClone() }.ToJsonString());
        }
    }

    /// <summary>Where the run's reports go: the folder of the HTML report set in <c>reqnroll.json</c>, else <c>reports/</c>.</summary>
    public static string Reports() =>
        Path.GetDirectoryName(Formatters()?["html"]?["outputFilePath"]?.GetValue<string>() ?? Resolve("reports/living-doc.html"))!;

    /// <summary>The suite's folder recorded in a test assembly at build time; its output folder if none is.</summary>
    public static string RootOf(Assembly testAssembly) =>
        testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BddWs.Root")?.Value
        ?? AppContext.BaseDirectory;

    /// <summary>The <c>formatters</c> section of <c>reqnroll.json</c>, each <c>outputFilePath</c> absolute.</summary>
    public static JsonObject? Formatters()
    {
        var config = Path.Combine(AppContext.BaseDirectory, "reqnroll.json");
        if (!File.Exists(config) || JsonNode.Parse(File.ReadAllText(config))?["formatters"] is not JsonObject formatters)
        {
            return null;
        }

        foreach (var (_, settings) in formatters)
        {
            if (settings?["outputFilePath"]?.GetValue<string>() is { } path)
            {
                settings["outputFilePath"] = Resolve(path);
            }
        }

        return formatters;
    }
}
