using BddWs.Specs.Support.Catalog;
using BddWs.Specs.Support.Reporting;
using Reqnroll;

namespace BddWs.Specs.Support.Hooks;

/// <summary>Writes the step catalog next to the report on every run, so the two never disagree.</summary>
[Binding]
public sealed class CatalogHooks
{
    [AfterTestRun]
    public static async Task WriteCatalog()
    {
        Directory.CreateDirectory(ReportFolder.Path);
        var catalog = StepCatalog.FromAssembly(typeof(CatalogHooks).Assembly);
        await File.WriteAllTextAsync(Path.Combine(ReportFolder.Path, CatalogHtml.FileName), CatalogHtml.Render(catalog));
    }
}
