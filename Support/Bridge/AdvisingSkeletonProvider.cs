using System.Globalization;
using Reqnroll;
using Reqnroll.BindingSkeletons;
using Reqnroll.Bindings;
using Reqnroll.BoDi;

namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// Reqnroll's snippet for an undefined step, headed by the closest existing sentences when the
/// suite registered an <see cref="IUndefinedStepAdvisor"/>. The snippet is what both the test
/// failure and the report show, so the advice reaches the product owner in both.
/// </summary>
public sealed class AdvisingSkeletonProvider(StepDefinitionSkeletonProvider inner, IObjectContainer container) : IStepDefinitionSkeletonProvider
{
    public string GetBindingClassSkeleton(ProgrammingLanguage language, StepInstance[] stepInstances, string namespaceName,
        string className, StepDefinitionSkeletonStyle style, CultureInfo bindingCulture) =>
        string.Concat(stepInstances.Select(Advice)) + inner.GetBindingClassSkeleton(language, stepInstances, namespaceName, className, style, bindingCulture);

    public string GetStepDefinitionSkeleton(ProgrammingLanguage language, StepInstance stepInstance, StepDefinitionSkeletonStyle style,
        CultureInfo bindingCulture) =>
        Advice(stepInstance) + inner.GetStepDefinitionSkeleton(language, stepInstance, style, bindingCulture);

    /// <summary><c>// No step matches "When I send the message "hi"". Closest existing sentences:</c> and one line each.</summary>
    private string Advice(StepInstance step)
    {
        if (!container.IsRegistered<IUndefinedStepAdvisor>())
        {
            return "";
        }

        var keyword = step.Keyword.Trim();
        var sentences = container.Resolve<IUndefinedStepAdvisor>().ClosestSentences(keyword, step.Text);
        return sentences.Count == 0
            ? ""
            : $"// No step matches \"{keyword} {step.Text}\". Closest existing sentences:\n" +
              string.Concat(sentences.Select(s => $"//   {s}\n")) + "\n";
    }
}
