namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// Names one feature file of the test assembly (the generator writes one per file), so the run
/// knows every feature, even those a filter left out, and can refuse to pass with a broken one.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class FeatureFileAttribute(string path) : Attribute
{
    /// <summary>Relative to the project, with forward slashes: <c>features/echo.feature</c>.</summary>
    public string Path { get; } = path;
}
