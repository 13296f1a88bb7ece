// xUnit prints a failure's exception type in front of its message unless the type belongs to
// xUnit's own namespace, and a product owner should read the message alone: hence the namespace.
namespace Xunit.Sdk;

/// <summary>
/// A scenario failed for a reason meant for the reader of the feature: a failed expectation, bad
/// input, an undefined step, a feature file that cannot be parsed. Its message says it all: it
/// carries no type name and no stack trace into the test output.
/// </summary>
public sealed class ReaderFailureException(string message) : Exception(message), IAssertionException
{
    public override string? StackTrace => null;
}
