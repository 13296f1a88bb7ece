using System.Reflection;
using System.Text.Json;

namespace BddWs.Hosting;

/// <summary>
/// Where the hosted service finds its appsettings.json and other files. WebApplicationFactory reads it
/// from MvcTestingAppManifest.json in the current folder, which is the test assembly's folder under
/// <c>dotnet test</c> but not in a runner started elsewhere (a watch loop runs from the suite's root);
/// the manifest beside the test assembly says the same wherever the process started, and the
/// factory's own setting for it (<c>ASPNETCORE_TEST_CONTENTROOT_&lt;ASSEMBLY&gt;</c>) hands it over.
/// </summary>
internal static class ContentRoot
{
    private const string Manifest = "MvcTestingAppManifest.json";

    public static void Settle(Assembly service)
    {
        var name = service.GetName();
        var variable = $"ASPNETCORE_TEST_CONTENTROOT_{name.Name!.ToUpperInvariant().Replace('.', '_')}";
        var manifest = Path.Combine(AppContext.BaseDirectory, Manifest);
        if (Environment.GetEnvironmentVariable(variable) is not null || !File.Exists(manifest))
        {
            return;
        }

        var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest));
        if (roots?.GetValueOrDefault(name.FullName) is { Length: > 0 } root)
        {
            // "~" is what a published suite's manifest says: the service's files were published beside it.
            Environment.SetEnvironmentVariable(variable, root == "~" ? AppContext.BaseDirectory : root);
        }
    }
}
