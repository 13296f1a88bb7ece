using BddWs.Bridge.Sharding;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace BddWs.Bridge;

/// <summary>
/// Discovers <see cref="ScenarioAttribute"/> tests: one test case per scenario row, named by the row.
/// A feature outside this run's shard has no test at all, so it is neither run nor listed as skipped.
/// </summary>
public sealed class ScenarioDiscoverer : TheoryDiscoverer
{
    public override ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        IXunitTestMethod testMethod,
        IFactAttribute factAttribute)
    {
        if (factAttribute is ScenarioAttribute { Feature: { } feature } && !InThisRun(feature, testMethod.TestClass.Class.Assembly))
        {
            return new([]);
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }

    /// <summary>A run whose shard setting cannot be used keeps one feature, whose one row fails with the reason.</summary>
    private static bool InThisRun(string feature, System.Reflection.Assembly testAssembly)
    {
        var run = ShardRun.Of(testAssembly);
        return run.Problem is null ? run.Runs(feature) : feature == ShardRun.FirstFeatureOf(testAssembly);
    }

    protected override async ValueTask<IReadOnlyCollection<IXunitTestCase>> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        IXunitTestMethod testMethod,
        ITheoryAttribute theoryAttribute,
        ITheoryDataRow dataRow,
        object?[] testMethodArguments)
    {
        var testCases = await base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, testMethodArguments);
        if (dataRow.TestDisplayName is not { } name)
        {
            return testCases;
        }

        return testCases.OfType<XunitTestCase>().Select(testCase => (IXunitTestCase)new XunitTestCase(
            testCase.TestMethod,
            name,
            testCase.UniqueID,
            testCase.Explicit,
            testCase.SkipExceptions,
            testCase.SkipReason,
            testCase.SkipType,
            testCase.SkipUnless,
            testCase.SkipWhen,
            testCase.Traits.ToDictionary(t => t.Key, t => t.Value.ToHashSet()),
            testMethodArguments,
            sourceFilePath: testCase.SourceFilePath,
            sourceLineNumber: testCase.SourceLineNumber,
            timeout: testCase.Timeout)).ToList();
    }
}
