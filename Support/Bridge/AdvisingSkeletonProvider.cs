using System.Globalization;
using Reqnroll;
using Reqnroll.BindingSkeletons;
using Reqnroll.Bindings;
using Reqnroll.BoDi;

namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// Reqnroll's snippet for an undefined step, headed by the closest existing sentences when the
/// suite registered an <see cref="IUndefinedStepAdvisor"/>. The snippet is the one text Reqnroll
/// hands on for an undefined step, to the test failure and to the report's messages; both read
/// the advice back from it (<see cref="UndefinedStepAdvice"/>) and show it first.
/// </summary>
public sealed class AdvisingSkeletonProvider(StepDefinitionSkeletonProvider inner, IObjectContainer container) : IStepDefinitionSkeletonProvider
{
    public string GetBindingClassSkeleton(ProgrammingLanguage language, StepInstance[] stepInstances, string namespaceName,
        string className, StepDefinitionSkeletonStyle style, CultureInfo bindingCulture) =>
        string.Concat(stepInstances.Select(Advice)) + inner.GetBindingClassSkeleton(language, stepInstances, namespaceName, className, style, bindingCulture);

    public string GetStepDefinitionSkeleton(ProgrammingLanguage language, StepInstance stepInstance, StepDefinitionSkeletonStyle style,
        CultureInfo bindingCulture) =>
        Advice(stepInstance) + inner.GetStepDefinitionSkeleton(language, stepInstance, style, bindingCulture);

    private string Advice(StepInstance step)
    {
        if (!container.IsRegistered<IUndefinedStepAdvisor>())
        {
            return "";
        }

        var keyword = step.Keyword.Trim();
        return UndefinedStepAdvice.AsComment(keyword, step.Text, container.Resolve<IUndefinedStepAdvisor>().ClosestSentences(keyword, step.Text));
    }
}
