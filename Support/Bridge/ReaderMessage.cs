using System.Reflection;
using Reqnroll;
using Xunit.Sdk;

namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// Tells a failure meant for the reader of a feature (a failed expectation, or bad input such as
/// a wrong table header, an unknown close status or invalid JSON) from a fault in the code. The
/// first is told by its message alone, in the console and the report; only a fault keeps its
/// type and stack trace, which a developer needs to find it.
/// </summary>
public static class ReaderMessage
{
    /// <summary>Libraries whose exceptions are faults, never sentences written for a reader.</summary>
    private static readonly string[] LibraryPrefixes =
        ["System", "Microsoft", "netstandard", "mscorlib", "Reqnroll", "Gherkin", "Cucumber", "Io.Cucumber", "xunit", "FluentAssertions", "Websocket.Client"];

    /// <summary>The message to show alone, or null when the exception is a fault in the code.</summary>
    public static string? Of(Exception exception)
    {
        var cause = Unwrap(exception);
        return IsForTheReader(cause) ? cause.Message : null;
    }

    /// <summary>
    /// The exception a step threw, out of the wrappers reflection and Reqnroll put around it
    /// (Reqnroll reports an <see cref="ArgumentException"/> from an async step as "Error calling
    /// binding method").
    /// </summary>
    private static Exception Unwrap(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions: [var only] } => Unwrap(only),
        BindingException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };

    /// <summary>
    /// An assertion, or an exception the suite's own code threw on purpose: one of its own types,
    /// or an argument, format or state error raised by its code rather than deep in a library.
    /// </summary>
    private static bool IsForTheReader(Exception exception)
    {
        if (exception is IAssertionException)
        {
            return true;
        }

        var type = exception.GetType();
        var onPurpose = type == typeof(ArgumentException) || type == typeof(FormatException) ||
                        type == typeof(InvalidOperationException) || !IsLibrary(type.Assembly);
        return onPurpose && exception.TargetSite?.DeclaringType?.Assembly is { } thrower && !IsLibrary(thrower);
    }

    private static bool IsLibrary(Assembly assembly) =>
        assembly.GetName().Name is not { } name ||
        LibraryPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
