using Reqnroll;

namespace BddWs.Bridge;

/// <summary>
/// How a step's failure reads: the step and its feature file line, then why, so the reader needs
/// no stack trace to find the place. For an undefined step the closest existing sentences, and
/// where a developer finds the code to add it; never the code itself.
/// </summary>
public static class StepFailure
{
    /// <summary>
    /// A failed expectation, bad input in the feature (see <see cref="ReaderMessage"/>), or an
    /// undefined step: told in words alone. Anything else is a fault a developer must trace.
    /// </summary>
    public static bool IsForTheReader(ScenarioExecutionStatus status, Exception reason) =>
        status == ScenarioExecutionStatus.UndefinedStep || ReaderMessage.Of(reason) is not null;

    /// <summary><c>Step failed: And the first message contains "Goodbye" (features/echo.feature:13)</c>, then why.</summary>
    public static string Message(string step, ScenarioExecutionStatus status, Exception reason)
    {
        if (status == ScenarioExecutionStatus.UndefinedStep)
        {
            return $"Step {Verb(status)}: {step}{Environment.NewLine}{UndefinedStepAdvice.ForTheReader(reason.Message, Environment.NewLine)}";
        }

        // Reqnroll calls bad input thrown by an async step a binding error; for the reader it is a failed step.
        return ReaderMessage.Of(reason) is { } message
            ? $"Step failed: {step}{Environment.NewLine}{message}"
            : $"Step {Verb(status)}: {step}{Environment.NewLine}{reason.Message}";
    }

    private static string Verb(ScenarioExecutionStatus status) => status switch
    {
        ScenarioExecutionStatus.UndefinedStep => "matches no sentence of the catalog",
        ScenarioExecutionStatus.StepDefinitionPending => "is pending",
        ScenarioExecutionStatus.BindingError => "could not be bound",
        _ => "failed",
    };
}
