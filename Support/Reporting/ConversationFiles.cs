namespace BddWs.Specs.Support.Reporting;

/// <summary>
/// The files that keep a scenario's whole conversation when the report shows only part of it:
/// <c>reports/conversations/&lt;Feature&gt; - &lt;Scenario&gt;.txt</c>, next to the report.
/// </summary>
public static class ConversationFiles
{
    public static string Folder => Path.Combine(ReportFolder.Path, "conversations");

    /// <summary>The file of one scenario; an Outline row's example values keep rows apart.</summary>
    public static string For(string feature, string scenario, IEnumerable<string> exampleValues)
    {
        var values = string.Join(", ", exampleValues);
        var name = values.Length == 0 ? $"{feature} - {scenario}" : $"{feature} - {scenario} ({values})";
        var invalid = Path.GetInvalidFileNameChars();
        return Path.Combine(Folder, new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray()) + ".txt");
    }

    /// <summary>The path as a reader finds it from the folder that holds the report folder: <c>reports/conversations/…</c>.</summary>
    public static string Display(string file) =>
        Path.GetRelativePath(Path.GetDirectoryName(ReportFolder.Path) ?? ReportFolder.Path, file).Replace('\\', '/');

    /// <summary>Files of an earlier run would describe scenarios that may no longer flood.</summary>
    public static void Clear()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
