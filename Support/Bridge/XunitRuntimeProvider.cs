using Reqnroll;
using Reqnroll.UnitTestProvider;
using Xunit;
using Xunit.Sdk;

namespace BddWs.Bridge;

/// <summary>
/// Reqnroll's outcomes in xUnit terms. Pending and inconclusive scenarios fail: a scenario
/// that did not really run must never look green.
/// </summary>
public sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => Assert.Fail(message);

    public void TestInconclusive(string message) => Assert.Fail(message);

    public void TestIgnore(string message) => Assert.Skip(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is SkipException ? ScenarioExecutionStatus.Skipped : null;
}
