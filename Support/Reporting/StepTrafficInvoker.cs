using BddWs.Specs.Support.Driver;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace BddWs.Specs.Support.Reporting;

/// <summary>
/// Runs every binding as Reqnroll does, then, for a step, writes the WebSocket traffic it caused
/// while the step is still running, so the report shows it under that step (an AfterStep hook's
/// output would land under the hook instead). A failed step tells its traffic too.
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
                foreach (var line in scenario.Resolve<Conversation>().NewLines(scenario.Resolve<WebSocketConnections>().All))
                {
                    output.WriteLine(line);
                }
            }
        }
    }
}
