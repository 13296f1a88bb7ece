namespace BddWs.Hosting;

/// <summary>
/// The hosted service could not start. The message is one line, the innermost reason, and nothing else
/// is kept: the test run shows a failure's inner exceptions, with their types and stack traces, to
/// whoever reads it, and that may be a product owner.
/// </summary>
public sealed class HostingFailedException(string message) : Exception(message)
{
    /// <summary>"The service OrderService did not start: " and why, in one line.</summary>
    public static HostingFailedException NotStarted(HostingAttribute hosting, Exception failure) =>
        failure as HostingFailedException ?? new($"The {hosting.Name} did not start: {OneLine(failure)}");

    /// <summary>The innermost reason, on one line: a start fails deep inside the host, where the words that help are.</summary>
    public static string OneLine(Exception failure)
    {
        var reason = failure.GetBaseException().Message;
        return string.Join(' ', reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
