using System.Globalization;
using Reqnroll;
using Reqnroll.BindingSkeletons;
using Reqnroll.Bindings;
using Reqnroll.BoDi;

namespace BddWs.Bridge;

/// <summary>
/// Reqnroll's snippet for an undefined step, headed by the closest existing sentences (from the
/// suite's <see cref="IUndefinedStepAdvisor"/>, when it registered one). The snippet is the one
/// text Reqnroll hands on for an undefined step, to the test failure and to the report's messages;
/// both read the advice back from it (<see cref="UndefinedStepAdvice"/>) and show it alone, with a
/// line saying where the code went: each step's code is kept for developers in
/// <see cref="UndefinedStepCode"/>'s file.
/// </summary>
public sealed class AdvisingSkeletonProvider(StepDefinitionSkeletonProvider inner, IObjectContainer container) : IStepDefinitionSkeletonProvider
{
    public string GetBindingClassSkeleton(ProgrammingLanguage language, StepInstance[] stepInstances, string namespaceName,
        string className, StepDefinitionSkeletonStyle style, CultureInfo bindingCulture)
    {
        foreach (var step in stepInstances)
        {
            Keep(step, inner.GetStepDefinitionSkeleton(language, step, style, bindingCulture));
        }

        return string.Concat(stepInstances.Select(Advice)) + inner.GetBindingClassSkeleton(language, stepInstances, namespaceName, className, style, bindingCulture);
    }

    public string GetStepDefinitionSkeleton(ProgrammingLanguage language, StepInstance stepInstance, StepDefinitionSkeletonStyle style,
        CultureInfo bindingCulture)
    {
        var code = inner.GetStepDefinitionSkeleton(language, stepInstance, style, bindingCulture);
        Keep(stepInstance, code);
        return Advice(stepInstance) + code;
    }

    private static void Keep(StepInstance step, string code) =>
        UndefinedStepCode.Add($"{step.Keyword.Trim()} {step.Text}",
            step.StepContext is { } context ? $"{context.FeatureTitle}: {context.ScenarioTitle}" : "", code);

    private string Advice(StepInstance step)
    {
        var keyword = step.Keyword.Trim();
        var sentences = container.IsRegistered<IUndefinedStepAdvisor>()
            ? container.Resolve<IUndefinedStepAdvisor>().ClosestSentences(keyword, step.Text)
            : [];
        return UndefinedStepAdvice.AsComment(keyword, step.Text, sentences);
    }
}
