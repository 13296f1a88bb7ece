namespace BddWs.StepDefinitions.Assertions;

/// <summary>
/// A failed expectation, told in words. It carries no stack trace: in the report a product owner
/// reads, the suite's own plumbing would only bury the sentence that matters.
/// </summary>
public sealed class ExpectationFailedException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
