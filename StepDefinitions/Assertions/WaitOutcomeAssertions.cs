using BddWs.Driver;

namespace BddWs.StepDefinitions.Assertions;

/// <summary>FluentAssertions for a finished wait: <c>outcome.Should().BeMet()</c>.</summary>
public sealed class WaitOutcomeAssertions(WaitOutcome subject)
{
    public WaitOutcome Subject { get; } = subject;

    /// <summary>
    /// Fails with a message a product owner can read: what was expected, for how long, what
    /// did arrive, and how the connection stands.
    /// </summary>
    public void BeMet() => Verify.That(Subject.Verdict == Verdict.Met, Subject.Explain);
}

public static class WaitOutcomeAssertionExtensions
{
    public static WaitOutcomeAssertions Should(this WaitOutcome outcome) => new(outcome);
}
