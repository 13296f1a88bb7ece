using BddWs.Bridge;

namespace BddWs.ReqnrollPlugin.Reporting;

/// <summary>
/// Where the living documentation goes: the folder of the HTML report configured in
/// <c>reqnroll.json</c> (read against the suite's folder), so the catalog and the report always
/// sit side by side.
/// </summary>
public static class ReportFolder
{
    public static string Path =>
        System.IO.Path.GetDirectoryName(SuiteFolder.Formatters()?["html"]?["outputFilePath"]?.GetValue<string>()
                                        ?? SuiteFolder.Resolve("reports/living-doc.html"))!;
}
