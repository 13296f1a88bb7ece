using BddWs.Specs.Support.Driver;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace BddWs.Specs.Support.Reporting;

/// <summary>
/// Runs every binding as Reqnroll does, then, for a step, writes the WebSocket traffic it caused
/// while the step is still running, so the report shows it under that step (an AfterStep hook's
/// output would land under the hook instead). A failed step tells its traffic too. A flood is cut
/// short in the report and the console; its whole conversation goes to a file (<see cref="ConversationFiles"/>).
/// </summary>
public sealed class StepTrafficInvoker(BindingInvoker inner) : IAsyncBindingInvoker
{
    public async Task<object> InvokeBindingAsync(IBinding binding, IContextManager contextManager, object[] arguments,
        ITestTracer testTracer, DurationHolder durationHolder)
    {
        try
        {
            return await inner.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder);
        }
        finally
        {
            if (binding is IStepDefinitionBinding && contextManager.ScenarioContext?.ScenarioContainer is { } scenario)
            {
                var output = scenario.Resolve<IReqnrollOutputHelper>();
                var conversation = scenario.Resolve<Conversation>();
                conversation.FullConversationFile ??= FileFor(contextManager);
                var step = contextManager.StepContext?.StepInfo;
                var during = step is null ? "" : $"{step.StepDefinitionType} {step.Text}";
                foreach (var line in conversation.NewLines(scenario.Resolve<WebSocketConnections>().All, during))
                {
                    output.WriteLine(line);
                }
            }
        }
    }

    private static string FileFor(IContextManager context) => ConversationFiles.For(
        context.FeatureContext?.FeatureInfo.Title ?? "",
        context.ScenarioContext.ScenarioInfo.Title,
        context.ScenarioContext.ScenarioInfo.Arguments.Values.Cast<object?>().Select(v => v?.ToString() ?? ""));
}
