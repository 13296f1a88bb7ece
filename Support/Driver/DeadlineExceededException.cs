using Xunit.Sdk;

namespace BddWs.Specs.Support.Driver;

/// <summary>
/// A send or close did not finish in time and the connection was dropped. The message says what
/// was being waited for; it reads as a failed step, so it carries no stack trace.
/// </summary>
public sealed class DeadlineExceededException(string message) : Exception(message), IAssertionException
{
    public override string? StackTrace => null;
}
