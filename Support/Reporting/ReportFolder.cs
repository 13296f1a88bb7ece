using System.Text.Json.Nodes;

namespace BddWs.Specs.Support.Reporting;

/// <summary>
/// Where the living documentation goes: the folder of the HTML report configured in
/// <c>reqnroll.json</c>, so the catalog and the report always sit side by side.
/// </summary>
public static class ReportFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var configFile = System.IO.Path.Combine(AppContext.BaseDirectory, "reqnroll.json");
        var reportFile = File.Exists(configFile)
            ? JsonNode.Parse(File.ReadAllText(configFile))?["formatters"]?["html"]?["outputFilePath"]?.GetValue<string>()
            : null;
        var folder = System.IO.Path.GetDirectoryName(reportFile ?? "reports/living-doc.html") ?? "";
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, folder));
    }
}
