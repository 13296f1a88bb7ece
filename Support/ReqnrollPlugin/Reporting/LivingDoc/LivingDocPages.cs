using System.Text;

namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// Writes the pages of a run's living documentation: every feature page into the folder beside the
/// summary page, and the summary page. The formatter writes them at the end of a run; <c>bddws merge</c>
/// writes them from the messages of several shards.
/// </summary>
public static class LivingDocPages
{
    /// <summary>The folder of feature pages beside the summary page <paramref name="summaryPath"/>: <c>reports/living-doc/</c>.</summary>
    public static string PagesFolderOf(string summaryPath) =>
        Path.Combine(Path.GetDirectoryName(summaryPath) ?? ".", Path.GetFileNameWithoutExtension(summaryPath));

    /// <summary>The summary page at <paramref name="summaryPath"/> and the feature pages beside it, those of an earlier run gone.</summary>
    public static async Task WriteAllAsync(LivingDocument document, string summaryPath, IReadOnlyList<string>? incomplete = null)
    {
        var pages = PagesFolderOf(summaryPath);
        if (Directory.Exists(pages))
        {
            Directory.Delete(pages, recursive: true);
        }

        await WriteAsync(document, summaryPath);
        await using var summary = new StreamWriter(summaryPath, append: false, new UTF8Encoding(false));
        IndexPage.Write(summary, document, Path.GetFileName(pages), incomplete);
    }

    public static async Task WriteAsync(LivingDocument document, string summaryPath)
    {
        var folder = Directory.CreateDirectory(PagesFolderOf(summaryPath)).FullName;
        var summaryLink = "../" + Uri.EscapeDataString(Path.GetFileName(summaryPath));
        await FeaturePage.WriteScriptAsync(folder);
        var parts = document.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            var previous = i > 0 && parts[i - 1].Uri == parts[i].Uri ? parts[i - 1] : null;
            var next = i + 1 < parts.Count && parts[i + 1].Uri == parts[i].Uri ? parts[i + 1] : null;
            await FeaturePage.WriteAsync(document, parts[i], Path.Combine(folder, parts[i].FileName), summaryLink, previous, next);
        }
    }
}
