using BddWs.Bridge;
using Reqnroll;

namespace BddWs.ReqnrollPlugin.Files;

/// <summary>
/// Files a scenario names (a JSON Schema, a payload to send), found next to its feature file:
/// <c>schemas/order.json</c> in <c>features/orders.feature</c> is <c>features/schemas/order.json</c>.
/// They are read from the suite's own folder, not the build output, so an edit shows in the next
/// run without a build. Scenario-scoped: the plugin makes one for the running feature.
/// </summary>
public sealed class FeatureFiles(string folder)
{
    /// <summary>The folder the names are read against.</summary>
    public string Folder { get; } = folder;

    public static FeatureFiles For(FeatureContext feature) =>
        new(SuiteFolder.Resolve(feature.FeatureInfo.FolderPath));

    /// <summary>The full path of <paramref name="name"/>; a file that is not there stops the step, saying where it was looked for.</summary>
    public string PathOf(string name)
    {
        var path = Path.GetFullPath(Path.Combine(Folder, name));
        return File.Exists(path)
            ? path
            : throw new MissingFeatureFileException($"There is no file \"{name}\" next to the feature: looked for {path}.");
    }

    public string ReadText(string name) => File.ReadAllText(PathOf(name));

    public byte[] ReadBytes(string name) => File.ReadAllBytes(PathOf(name));
}
