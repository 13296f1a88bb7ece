using System.Runtime.CompilerServices;
using Xunit;
using Xunit.v3;

namespace BddWs.Bridge;

/// <summary>
/// A theory whose rows are scenarios: each row's display name is the scenario's name as
/// written (<c>Echo: Two messages are echoed</c>), without the row index xUnit would append.
/// </summary>
[XunitTestCaseDiscoverer(typeof(ScenarioDiscoverer))]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioAttribute(
    [CallerFilePath] string? sourceFilePath = null,
    [CallerLineNumber] int sourceLineNumber = -1) : TheoryAttribute(sourceFilePath, sourceLineNumber);
