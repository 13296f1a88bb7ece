using FluentAssertions.Execution;

namespace BddWs.StepDefinitions.Assertions;

/// <summary>A FluentAssertions strategy that fails at once with an <see cref="ExpectationFailedException"/>.</summary>
public sealed class ReadableFailureStrategy : IAssertionStrategy
{
    public IEnumerable<string> FailureMessages => [];

    public void HandleFailure(string message) => throw new ExpectationFailedException(message);

    public IEnumerable<string> DiscardFailures() => [];

    public void ThrowIfAny(IDictionary<string, object> context)
    {
    }
}
