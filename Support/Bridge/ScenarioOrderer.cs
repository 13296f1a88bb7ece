using Xunit.Sdk;
using Xunit.v3;

namespace BddWs.Bridge;

/// <summary>
/// Runs the scenarios of a feature in the order the file gives them (xUnit's default order
/// follows test case ids, which differ from one checkout to another).
/// </summary>
public sealed class ScenarioOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        testCases.OrderBy(PickleIndex).ThenBy(c => c.TestCaseDisplayName, StringComparer.Ordinal).ToList();

    private static int PickleIndex<TTestCase>(TTestCase testCase) where TTestCase : notnull, ITestCase =>
        testCase is XunitTestCase { TestMethodArguments: [int index, ..] } ? index : int.MaxValue;
}
