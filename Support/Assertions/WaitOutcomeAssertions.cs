using BddWs.Specs.Support.Driver;
using FluentAssertions.Execution;

namespace BddWs.Specs.Support.Assertions;

/// <summary>FluentAssertions for a finished wait: <c>outcome.Should().BeMet()</c>.</summary>
public sealed class WaitOutcomeAssertions(WaitOutcome subject)
{
    public WaitOutcome Subject { get; } = subject;

    /// <summary>
    /// Fails with a message a product owner can read: what was expected, for how long, what
    /// did arrive, and how the connection stands.
    /// </summary>
    public void BeMet()
    {
        Execute.Assertion
            .ForCondition(Subject.Verdict == Verdict.Met)
            .FailWith(Escape(Subject.Explain()));
    }

    // FluentAssertions reads {0}-style placeholders in a failure message; received text may contain braces.
    private static string Escape(string message) => message.Replace("{", "{{").Replace("}", "}}");
}

public static class WaitOutcomeAssertionExtensions
{
    public static WaitOutcomeAssertions Should(this WaitOutcome outcome) => new(outcome);
}
