using Io.Cucumber.Messages.Types;

namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// How one run of a scenario (an Examples row is a scenario) ended, for the report's summary: the
/// worst status among its steps, as Cucumber's report counts it, and for a scenario that did not
/// pass, the step that decided it and that step's message.
/// </summary>
public sealed class ScenarioOutcome(FeaturePart part, string name)
{
    // Cucumber's order, least to most severe: a scenario is as bad as its worst step.
    private static readonly TestStepResultStatus[] Severity =
    [
        TestStepResultStatus.UNKNOWN, TestStepResultStatus.PASSED, TestStepResultStatus.SKIPPED, TestStepResultStatus.PENDING,
        TestStepResultStatus.UNDEFINED, TestStepResultStatus.AMBIGUOUS, TestStepResultStatus.FAILED,
    ];

    public FeaturePart Part => part;

    public string Name => name;

    public TestStepResultStatus Status { get; private set; } = TestStepResultStatus.UNKNOWN;

    /// <summary>The text of the step that decided a scenario that did not pass; null for a hook.</summary>
    public string? Step { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Failed, undefined, ambiguous or pending: what the reader must see first.</summary>
    public bool IsProblem => Status is TestStepResultStatus.FAILED or TestStepResultStatus.UNDEFINED
        or TestStepResultStatus.AMBIGUOUS or TestStepResultStatus.PENDING;

    public void Record(TestStepResultStatus status, string? step, string? message)
    {
        if (Array.IndexOf(Severity, status) <= Array.IndexOf(Severity, Status))
        {
            return;
        }

        Status = status;
        Step = step;
        Message = string.IsNullOrWhiteSpace(message) ? null : message;
    }
}
