using CucumberExpressions;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;

namespace BddWs.ReqnrollPlugin;

/// <summary>
/// A step's arguments, with every <c>{string}</c> value read as <see cref="QuotedText"/>:
/// Reqnroll 3.3 hands a quoted value over exactly as written, backslashes included. It is read
/// here, just before the step runs, and not where Reqnroll takes the arguments from the step's
/// text: those stay as written, because the report marks each argument in the step's text by its
/// place and its length, and a value shorter than its written form (<c>\"type\":3</c> read as
/// <c>"type":3</c>) would garble the text shown. Covers every <c>{string}</c> of every step at once
/// and leaves doc strings and tables as written.
/// </summary>
public static class QuotedTextArguments
{
    private const string StringParameter = "string";

    /// <summary>
    /// <paramref name="arguments"/> (the values the binding is about to be called with), each
    /// <c>{string}</c> among them read with its escapes; <paramref name="matched"/> are the arguments
    /// as Reqnroll took them from <paramref name="stepText"/>, which say where each value was written.
    /// </summary>
    public static object[] Read(IStepDefinitionBinding binding, IReadOnlyList<MatchArgument> matched, string stepText, object[] arguments)
    {
        if (binding.Expression is not CucumberExpression expression)
        {
            return arguments;
        }

        // Each parameter of a Cucumber expression yields one successful group, in order, so the
        // first arguments are the parameters; a doc string or table comes after them.
        var parameters = expression.ParameterTypes;
        object[]? read = null;
        for (var i = 0; i < parameters.Length && i < arguments.Length && i < matched.Count; i++)
        {
            if (parameters[i].Name == StringParameter && arguments[i] is string written
                && matched[i].StartOffset is > 0 and var start && start <= stepText.Length)
            {
                var meant = QuotedText.Unescape(written, stepText[start - 1]);
                if (!ReferenceEquals(meant, written))
                {
                    read ??= (object[])arguments.Clone();
                    read[i] = meant;
                }
            }
        }

        return read ?? arguments;
    }
}
