using FluentAssertions.Execution;

namespace BddWs.StepDefinitions.Assertions;

/// <summary>A FluentAssertions failure with a message written whole, as a product owner should read it.</summary>
public static class Verify
{
    public static void That(bool condition, Func<string> message)
    {
        if (!condition)
        {
            using var scope = new AssertionScope(new ReadableFailureStrategy());
            // FluentAssertions reads {0}-style placeholders in a message; received text may contain braces.
            Execute.Assertion.FailWith(message().Replace("{", "{{").Replace("}", "}}"));
        }
    }
}
