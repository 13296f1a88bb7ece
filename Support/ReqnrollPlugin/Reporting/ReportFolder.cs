using BddWs.Bridge;

namespace BddWs.ReqnrollPlugin.Reporting;

/// <summary>
/// Where the living documentation goes: the folder of the HTML report configured in
/// <c>reqnroll.json</c> (read against the suite's folder), so the catalog and the report always
/// sit side by side.
/// </summary>
public static class ReportFolder
{
    // Read once, on first use (after the run has set the suite's folder): every scenario asks.
    private static readonly Lazy<string> Folder = new(SuiteFolder.Reports);

    public static string Path => Folder.Value;
}
