using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace BddWs.Bridge;

/// <summary>Discovers <see cref="ScenarioAttribute"/> tests: one test case per scenario row, named by the row.</summary>
public sealed class ScenarioDiscoverer : TheoryDiscoverer
{
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
