namespace BddWs.Hosting;

/// <summary>The hosted service could not start; the message is one line, without a stack trace.</summary>
public sealed class HostingFailedException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The innermost reason, on one line: a start fails deep inside the host, where the words that help are.</summary>
    internal static string OneLine(Exception failure)
    {
        var reason = failure.GetBaseException().Message;
        return string.Join(' ', reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
