namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>Writes every feature page of a run into the folder beside its summary page.</summary>
public static class LivingDocPages
{
    public static async Task WriteAsync(LivingDocument document, string summaryPath)
    {
        var folder = Directory.CreateDirectory(LivingDocFormatter.PagesFolderOf(summaryPath)).FullName;
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
