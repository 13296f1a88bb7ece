using System.Text.RegularExpressions;
using CucumberExpressions;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;

namespace BddWs.ReqnrollPlugin;

/// <summary>
/// Reqnroll's step arguments, with every <c>{string}</c> value read as <see cref="QuotedText"/>:
/// Reqnroll 3.3 hands a quoted value over exactly as written, backslashes included. Doing it
/// here, where a step's arguments are taken from its text, covers every <c>{string}</c> of every
/// step at once and leaves doc strings and tables as written.
/// </summary>
public sealed class QuotedTextArguments : IMatchArgumentCalculator
{
    private const string StringParameter = "string";

    private readonly MatchArgumentCalculator _reqnroll = new();

    public MatchArgument[] CalculateArguments(Match match, StepInstance stepInstance, IStepDefinitionBinding stepDefinitionBinding)
    {
        var arguments = _reqnroll.CalculateArguments(match, stepInstance, stepDefinitionBinding);
        if (stepDefinitionBinding.Expression is not CucumberExpression expression)
        {
            return arguments;
        }

        // Each parameter of a Cucumber expression yields one successful group, in order, so the
        // first arguments are the parameters; a doc string or table comes after them.
        var parameters = expression.ParameterTypes;
        for (var i = 0; i < parameters.Length && i < arguments.Length; i++)
        {
            if (parameters[i].Name == StringParameter && arguments[i] is { Value: string written, StartOffset: > 0 and var start })
            {
                var quote = stepInstance.Text[start - 1];
                arguments[i] = new MatchArgument(QuotedText.Unescape(written, quote), start);
            }
        }

        return arguments;
    }
}
