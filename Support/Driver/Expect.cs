using System.Net.WebSockets;

namespace BddWs.Specs.Support.Driver;

/// <summary>The expectations the step library waits for. Messages are counted from the start of the connection.</summary>
public static class Expect
{
    public static Expectation MessageContaining(string text) => Expectation.Until(
        $"a message containing {Format.Quoted(text)}",
        events => events.ReceivedMessages().Any(m => m.IsText && m.Text.Contains(text, StringComparison.Ordinal)));

    /// <summary>Exactly <paramref name="count"/> messages so far: met when the count is reached, failed once it is passed.</summary>
    public static Expectation MessageCount(int count) => new(
        $"exactly {Format.Count(count, "message")}",
        events => events.ReceivedMessages().Count switch
        {
            var n when n == count => Verdict.Met,
            var n when n > count => Verdict.Failed,
            _ => Verdict.Pending,
        });

    /// <summary>The <paramref name="position"/>-th message (from 1) contains <paramref name="text"/>.</summary>
    public static Expectation MessageAtContaining(int position, string text) => new(
        $"message {position} to contain {Format.Quoted(text)}",
        events => events.ReceivedMessages() is var messages && messages.Count < position
            ? Verdict.Pending
            : messages[position - 1].IsText && messages[position - 1].Text.Contains(text, StringComparison.Ordinal)
                ? Verdict.Met
                : Verdict.Failed);

    public static Expectation ServerClose(WebSocketCloseStatus status) => new(
        $"the server to close the connection with {Format.Close(status, null)}",
        events => events.CloseEvent() switch
        {
            null => Verdict.Pending,
            { By: ClosedBy.Server } close when close.Status == status => Verdict.Met,
            _ => Verdict.Failed,
        });
}
