using System.Globalization;
using Reqnroll;
using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.BindingSkeletons;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;
using Reqnroll.Tracing;

namespace BddWs.Bridge;

/// <summary>
/// Reqnroll's step trace, the test's output that <c>dotnet test</c> shows under a failure at its
/// default verbosity, with one change: for an undefined step it says so in words, where Reqnroll
/// prints the C# to paste. The product owner reads the closest sentences in the failure itself;
/// the code is kept for developers in <see cref="UndefinedStepCode"/>'s file. The steps of a scenario
/// that is not run (tagged <c>@ignore</c>) are said to be not run, not "skipped because of previous errors".
/// </summary>
public sealed class ReadableTestTracer(TestTracer inner, ITraceListener listener, IObjectContainer container) : ITestTracer
{
    public void TraceNoMatchingStepDefinition(StepInstance stepInstance, ProgrammingLanguage targetLanguage, CultureInfo bindingCulture,
        List<BindingMatch> matchesWithoutScopeCheck) =>
        listener.WriteToolOutput(matchesWithoutScopeCheck is { Count: > 0 }
            ? "undefined: no sentence matches this step here (one does, but only for other tags, features or scenarios)"
            : "undefined: no sentence matches this step");

    public void TraceStep(StepInstance stepInstance, bool showAdditionalArguments) => inner.TraceStep(stepInstance, showAdditionalArguments);

    public void TraceWarning(string text) => inner.TraceWarning(text);

    public void TraceStepDone(BindingMatch match, object[] arguments, TimeSpan duration) => inner.TraceStepDone(match, arguments, duration);

    public void TraceStepSkipped(Exception exception) => inner.TraceStepSkipped(exception);

    public void TraceStepSkippedBecauseOfPreviousErrors()
    {
        if (IsScenarioSkipped())
        {
            listener.WriteToolOutput("not run: the scenario is skipped");
            return;
        }

        inner.TraceStepSkippedBecauseOfPreviousErrors();
    }

    // Resolved when asked, not injected: the context manager itself depends on the tracer.
    private bool IsScenarioSkipped() =>
        container.Resolve<IContextManager>().ScenarioContext?.ScenarioExecutionStatus == ScenarioExecutionStatus.Skipped;

    public void TraceStepPending(BindingMatch match, object[] arguments, Exception exception) => inner.TraceStepPending(match, arguments, exception);

    public void TraceBindingError(Exception ex) => inner.TraceBindingError(ex);

    public void TraceError(Exception ex, TimeSpan duration) => inner.TraceError(ex, duration);

    public void TraceDuration(TimeSpan elapsed, IBindingMethod method, object[] arguments) => inner.TraceDuration(elapsed, method, arguments);

    public void TraceDuration(TimeSpan elapsed, string text) => inner.TraceDuration(elapsed, text);
}
