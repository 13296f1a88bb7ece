using System.Text.RegularExpressions;
using Reqnroll.Tracing;
using Xunit;

namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// Sends Reqnroll's step trace and what steps write (IReqnrollOutputHelper) to the output of
/// the xUnit test that is running. Thread-safe, so Reqnroll writes at once instead of queueing.
/// </summary>
public sealed class XunitTraceListener : IThreadSafeTraceListener
{
    public void WriteTestOutput(string message) => Write(message);

    public void WriteToolOutput(string message) => Write("-> " + BindingErrorPrefix.Replace(message, "error: "));

    /// <summary>
    /// Reqnroll names the step's method when an async step throws an argument error; the reader
    /// needs only the step's own message, which follows.
    /// </summary>
    private static readonly Regex BindingErrorPrefix = new("^binding error: Error calling binding method '[^']*': ", RegexOptions.Compiled);

    private static void Write(string message)
    {
        var output = TestContext.Current.TestOutputHelper;
        if (output is not null)
        {
            output.WriteLine(message);
        }
        else
        {
            Console.WriteLine(message);
        }
    }
}
