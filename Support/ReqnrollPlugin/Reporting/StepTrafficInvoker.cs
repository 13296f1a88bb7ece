using BddWs.Driver;
using BddWs.Driver.Contracts;
using BddWs.Driver.Http;
using BddWs.Driver.Values;
using BddWs.ReqnrollPlugin.Values;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Events;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace BddWs.ReqnrollPlugin.Reporting;

/// <summary>
/// Runs every binding as Reqnroll does, with the scenario's remembered values put into its
/// arguments (<see cref="StepArguments"/>) and told in the report; then, for a step, writes the
/// WebSocket and HTTP traffic it caused while the step is still running, so the report shows it under
/// that step (an AfterStep hook's output would land under the hook instead). A failed step tells
/// its traffic too, and its failure has every secret masked. A step's traffic is what was recorded
/// until the moment it ended, on the one clock of WebSocket and HTTP alike; what comes after waits
/// for the next step. A flood is cut short in the report
/// and the console; its whole conversation goes to a file (<see cref="ConversationFiles"/>).
/// When the scenario follows a contract (<see cref="ScenarioContract"/>), the messages a step sent
/// and received are checked against it as they are told, and a step that passed fails on the
/// first message that breaks it.
/// </summary>
public sealed class StepTrafficInvoker(BindingInvoker inner) : IAsyncBindingInvoker
{
    public async Task<object> InvokeBindingAsync(IBinding binding, IContextManager contextManager, object[] arguments,
        ITestTracer testTracer, DurationHolder durationHolder)
    {
        var scenario = contextManager.ScenarioContext?.ScenarioContainer;
        // Made by the scenario's first hook or step: its start is the reference point of the conversation's times.
        _ = scenario?.Resolve<Conversation>();
        var takesArguments = binding is IStepDefinitionBinding or IStepArgumentTransformationBinding;
        if (scenario is null || !takesArguments)
        {
            return await inner.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder);
        }

        var values = scenario.Resolve<ScenarioValues>();
        var output = scenario.Resolve<IReqnrollOutputHelper>();
        IReadOnlyList<string> breaches = [];
        object result;
        try
        {
            if (binding is IStepDefinitionBinding step && contextManager.StepContext?.StepInfo is { BindingMatch.Arguments: { } matched } info)
            {
                arguments = QuotedTextArguments.Read(step, matched, info.Text, arguments);
            }

            var used = new List<Substitution>();
            arguments = StepArguments.Expand(arguments, values, used);
            foreach (var substitution in used.Distinct())
            {
                output.WriteLine(substitution.ToString());
            }

            result = await inner.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder);
        }
        catch (Exception failure) when (MaskedFailure.Of(failure, values) is { } masked)
        {
            throw masked;
        }
        finally
        {
            if (binding is IStepDefinitionBinding)
            {
                // One moment ends the step for every connection and every HTTP exchange alike.
                var ended = Timeline.Now;
                var connections = scenario.Resolve<ScenarioConnections>();
                var conversation = scenario.Resolve<Conversation>();
                conversation.FullConversationFile ??= FileFor(contextManager);
                var step = contextManager.StepContext?.StepInfo;
                var during = step is null ? "" : $"{step.StepDefinitionType} {step.Text}";
                var told = conversation.NewParts(connections.Reported, scenario.Resolve<ScenarioHttp>().Exchanges, during, ended);
                await TellAsync(told, output, scenario.Resolve<ITestThreadExecutionEventPublisher>(), contextManager);
                // Telling checked every message it told against the contract, if the scenario follows one.
                breaches = scenario.Resolve<ScenarioContract>().TakeBreaches();
            }
        }

        return breaches.Count == 0 ? result : throw new ContractBreachException(values.Mask(breaches[0]));
    }

    /// <summary>
    /// Each line to the console and the report; the whole text of a shortened message to the report
    /// alone, right after its line (<see cref="WholeMessages"/>).
    /// </summary>
    private static async Task TellAsync(IReadOnlyList<ToldLine> told, IReqnrollOutputHelper output,
        ITestThreadExecutionEventPublisher report, IContextManager context)
    {
        foreach (var line in told)
        {
            output.WriteLine(line.Line);
            if (line.Whole is { } whole)
            {
                await report.PublishEventAsync(new OutputAddedEvent(WholeMessages.Record(whole),
                    context.FeatureContext?.FeatureInfo, context.ScenarioContext?.ScenarioInfo));
            }
        }
    }

    private static string FileFor(IContextManager context) => ConversationFiles.For(
        context.FeatureContext?.FeatureInfo.Title ?? "",
        context.ScenarioContext.ScenarioInfo.Title,
        context.ScenarioContext.ScenarioInfo.Arguments.Values.Cast<object?>().Select(v => v?.ToString() ?? ""));
}
