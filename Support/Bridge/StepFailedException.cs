namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// A scenario stopped at a step because of a fault in the code: the message names the step and
/// its feature file line (see <see cref="StepFailure"/>), and the fault stays attached for its
/// stack trace. Failures meant for the reader are reported without one.
/// </summary>
public sealed class StepFailedException(string step, Reqnroll.ScenarioExecutionStatus status, Exception reason)
    : Exception(StepFailure.Message(step, status, reason), reason);
