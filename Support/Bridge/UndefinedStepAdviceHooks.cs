using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.BoDi;

namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// After a scenario with undefined steps, writes the closest existing sentences for each of
/// them to the scenario's output, which the report shows; Reqnroll's own suggestion for an
/// undefined step carries only a C# snippet there. Needs an <see cref="IUndefinedStepAdvisor"/>.
/// </summary>
[Binding]
public sealed class UndefinedStepAdviceHooks(ScenarioContext scenario, IObjectContainer container, IBindingRegistry bindings, IReqnrollOutputHelper output)
{
    [AfterScenario]
    public void AdviseOnUndefinedSteps()
    {
        if (scenario.ScenarioExecutionStatus != ScenarioExecutionStatus.UndefinedStep
            || !container.IsRegistered<IUndefinedStepAdvisor>()
            || !scenario.TryGetValue(out PickleScenario? pickle))
        {
            return;
        }

        var advisor = container.Resolve<IUndefinedStepAdvisor>();
        foreach (var (_, keyword, text) in pickle!.StepSentences().Where(s => !IsDefined(s.Type, s.Text)))
        {
            var sentences = advisor.ClosestSentences(keyword, text);
            output.WriteLine($"No step matches \"{keyword} {text}\". Closest existing sentences:" +
                             (sentences.Count == 0 ? " none" : string.Concat(sentences.Select(s => $"{Environment.NewLine}  {s}"))));
        }
    }

    private bool IsDefined(StepDefinitionType type, string text) =>
        bindings.GetStepDefinitions().Any(b => b.StepDefinitionType == type && b.Regex?.IsMatch(text) == true);
}
