using Reqnroll;

namespace BridgeProbe;

/// <summary>Appends one line per hook to the file named by BRIDGE_PROBE_LOG, so the order can be checked.</summary>
[Binding]
public sealed class HookRecorder
{
    private static readonly object Gate = new();

    [BeforeTestRun]
    public static void BeforeTestRun() => Record("BeforeTestRun");

    [BeforeFeature]
    public static void BeforeFeature(FeatureContext feature) => Record($"BeforeFeature {feature.FeatureInfo.Title}");

    [BeforeScenario]
    public static void BeforeScenario(ScenarioContext scenario) => Record($"BeforeScenario {scenario.ScenarioInfo.Title}");

    [AfterScenario]
    public static void AfterScenario(ScenarioContext scenario) =>
        Record($"AfterScenario {scenario.ScenarioInfo.Title} {scenario.ScenarioExecutionStatus}");

    [AfterFeature]
    public static void AfterFeature(FeatureContext feature) => Record($"AfterFeature {feature.FeatureInfo.Title}");

    [AfterTestRun]
    public static void AfterTestRun() => Record("AfterTestRun");

    private static void Record(string line)
    {
        var path = Environment.GetEnvironmentVariable("BRIDGE_PROBE_LOG");
        if (path is null)
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
