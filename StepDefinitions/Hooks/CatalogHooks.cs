using BddWs.ReqnrollPlugin.Catalog;
using BddWs.ReqnrollPlugin.Reporting;
using Reqnroll;

namespace BddWs.StepDefinitions.Hooks;

/// <summary>Writes the step catalog next to the report on every run, so the two never disagree.</summary>
[Binding]
public sealed class CatalogHooks
{
    [AfterTestRun]
    public static async Task WriteCatalog(StepCatalog catalog)
    {
        Directory.CreateDirectory(ReportFolder.Path);
        await File.WriteAllTextAsync(Path.Combine(ReportFolder.Path, CatalogHtml.FileName), CatalogHtml.Render(catalog));
    }
}
