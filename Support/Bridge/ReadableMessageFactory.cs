using System.Runtime.CompilerServices;
using Gherkin.CucumberMessages;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.ExecutionTracking;
using Reqnroll.Formatters.PayloadProcessing.Cucumber;

namespace BddWs.Bridge;

/// <summary>
/// Reqnroll's Cucumber messages, as the report shows them to a product owner. The HTML report
/// prints a step's exception as type, message and stack trace, so a failed expectation or bad
/// input goes out as its message alone (see <see cref="ReaderMessage"/>); a fault in the code
/// keeps its exception. For an undefined step the closest existing sentences, and where a developer
/// finds the code, become that step's message, shown under the step itself.
/// </summary>
public sealed class ReadableMessageFactory : CucumberMessageFactory
{
    // Reqnroll makes the suggestion of an undefined step just before the step's result.
    private readonly ConditionalWeakTable<TestStepExecutionTracker, string> _advice = [];

    public override Suggestion ToSuggestion(TestStepExecutionTracker testStepExecution, string programmingLanguage, string skeletonMessage,
        IIdGenerator idGenerator)
    {
        _advice.AddOrUpdate(testStepExecution, UndefinedStepAdvice.ForTheReader(skeletonMessage, "\n"));

        return base.ToSuggestion(testStepExecution, programmingLanguage, skeletonMessage, idGenerator);
    }

    public override TestStepFinished ToTestStepFinished(TestStepExecutionTracker testStepExecutionTracker)
    {
        var finished = base.ToTestStepFinished(testStepExecutionTracker);
        if (finished.TestStepResult.Status == TestStepResultStatus.UNDEFINED && _advice.TryGetValue(testStepExecutionTracker, out var advice))
        {
            return WithResult(finished, advice, TestStepResultStatus.UNDEFINED);
        }

        return Readable(finished, testStepExecutionTracker.Exception);
    }

    public override TestStepFinished ToTestStepFinished(HookStepExecutionTracker hookStepExecutionTracker) =>
        Readable(base.ToTestStepFinished(hookStepExecutionTracker), hookStepExecutionTracker.Exception);

    private static TestStepFinished Readable(TestStepFinished finished, System.Exception? exception)
    {
        if (exception is null || ReaderMessage.Of(exception) is not { } message)
        {
            return finished;
        }

        // Reqnroll calls bad input thrown by an async step a binding error ("ambiguous" in the report).
        var status = finished.TestStepResult.Status == TestStepResultStatus.AMBIGUOUS ? TestStepResultStatus.FAILED : finished.TestStepResult.Status;
        return WithResult(finished, message, status);
    }

    private static TestStepFinished WithResult(TestStepFinished finished, string message, TestStepResultStatus status) => new(
        finished.TestCaseStartedId,
        finished.TestStepId,
        new TestStepResult(finished.TestStepResult.Duration, message, status, null),
        finished.Timestamp);
}
