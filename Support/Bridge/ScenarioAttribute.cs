using System.Runtime.CompilerServices;
using Xunit;
using Xunit.v3;

namespace BddWs.Bridge;

/// <summary>
/// A theory whose rows are scenarios: each row's display name is the scenario's name as
/// written (<c>Echo: Two messages are echoed</c>), without the row index xUnit would append.
/// It names its feature file, so a shard (<c>BDDWS_SHARD</c>) discovers only the features that fall to it.
/// </summary>
[XunitTestCaseDiscoverer(typeof(ScenarioDiscoverer))]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioAttribute(
    string? feature = null,
    [CallerFilePath] string? sourceFilePath = null,
    [CallerLineNumber] int sourceLineNumber = -1) : TheoryAttribute(sourceFilePath, sourceLineNumber)
{
    /// <summary>The feature file whose scenarios are the rows: <c>features/echo.feature</c>.</summary>
    public string? Feature { get; } = feature;
}
