using Reqnroll;
using Xunit.Sdk;

namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// A scenario stopped at a step: the message names the step and its feature file line, then
/// says why, so the reader needs no stack trace to find the place. A failed assertion is
/// reported by its message alone; any other exception stays attached for its stack trace.
/// </summary>
public sealed class StepFailedException(string step, ScenarioExecutionStatus status, Exception reason)
    : Exception($"Step {Verb(status)}: {step}{Environment.NewLine}{reason.Message}", reason is IAssertionException ? null : reason)
{
    private static string Verb(ScenarioExecutionStatus status) => status switch
    {
        ScenarioExecutionStatus.UndefinedStep => "has no matching step definition",
        ScenarioExecutionStatus.StepDefinitionPending => "is pending",
        ScenarioExecutionStatus.BindingError => "could not be bound",
        _ => "failed",
    };
}
