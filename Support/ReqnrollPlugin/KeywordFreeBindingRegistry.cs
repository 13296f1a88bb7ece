using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;

namespace BddWs.ReqnrollPlugin;

/// <summary>
/// Reqnroll's binding registry, with every sentence registered under all three keywords, as
/// Reqnroll itself registers a <c>[StepDefinition]</c>: a sentence bound with <c>[Then]</c>
/// matches after <c>Given</c>, <c>When</c>, <c>Then</c>, <c>And</c>, <c>But</c> and <c>*</c>
/// alike, as in Cucumber. Reqnroll matches a step only against bindings of the step's own kind
/// (an <c>And</c> or <c>*</c> takes the kind before it), so the keyword a product owner chose would
/// otherwise decide whether a sentence exists. Only the matching changes: the copies share the
/// binding's method, so Reqnroll counts them as one step definition (one match, one entry in the
/// report's messages), and two methods whose sentences only the keyword told apart are now
/// reported as ambiguous, which the catalog's tests forbid.
/// </summary>
public sealed class KeywordFreeBindingRegistry : BindingRegistry
{
    private static readonly StepDefinitionType[] Kinds = [StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.Then];

    // What is registered already, so that a [StepDefinition] (registered once per kind by Reqnroll) is not copied again.
    private readonly HashSet<(StepDefinitionType Kind, IBindingMethod Method, string Expression, string? Tag, string? Feature, string? Scenario)> _registered = [];

    public override void RegisterStepDefinitionBinding(IStepDefinitionBinding stepDefinitionBinding)
    {
        // A sentence Reqnroll could not read is reported once, as Reqnroll reports it.
        if (!stepDefinitionBinding.IsValid)
        {
            base.RegisterStepDefinitionBinding(stepDefinitionBinding);
            return;
        }

        foreach (var kind in Kinds)
        {
            var scope = stepDefinitionBinding.BindingScope;
            if (_registered.Add((kind, stepDefinitionBinding.Method, stepDefinitionBinding.SourceExpression, scope?.Tag, scope?.FeatureTitle, scope?.ScenarioTitle)))
            {
                base.RegisterStepDefinitionBinding(kind == stepDefinitionBinding.StepDefinitionType
                    ? stepDefinitionBinding
                    : new StepDefinitionBinding(kind, stepDefinitionBinding.Method, stepDefinitionBinding.BindingScope,
                        stepDefinitionBinding.ExpressionType, stepDefinitionBinding.SourceExpression, stepDefinitionBinding.Expression));
            }
        }
    }
}
