using BddWs.Driver;
using BddWs.Driver.Dialects;

namespace BddWs.ReqnrollPlugin.Reporting;

/// <summary>
/// The conversation of a connection that speaks a dialect, in the dialect's own terms rather than as
/// text (<see cref="IDialect.Shown"/>): for a hub <c>→ handshake json 1</c>, <c>← handshake ok</c>,
/// <c>→ invoke SendMessage("Alice", "hi") #3</c>, <c>← ReceiveMessage("Alice", "hi")</c>,
/// <c>← completion #3: 42</c>. The dialect's plumbing in a row, one direction, reading alike, folds
/// into one line (<see cref="IDialect.Folded"/>): <c>← 3 pings</c>.
/// </summary>
public static class DialectLines
{
    /// <summary>The line of one record, before the time and the marks the conversation adds.</summary>
    public static string Of(IDialect dialect, MessageEvent message) => $"{Arrow(message)} {dialect.Shown(message.Message, message.Direction)}";

    /// <summary>The line of <paramref name="count"/> plumbing records in a row that read as <paramref name="first"/> does.</summary>
    public static string Folded(IDialect dialect, MessageEvent first, int count) =>
        $"{Arrow(first)} {dialect.Folded(dialect.Shown(first.Message, first.Direction), count)}";

    /// <summary>The record's dialect when the event is a record of its plumbing, which folds with the like of it next to it.</summary>
    public static IDialect? PlumbingOf(SessionEvent sessionEvent) =>
        sessionEvent is MessageEvent { Message.Dialect: { } dialect } message && dialect.IsPlumbing(message.Message) ? dialect : null;

    /// <summary>Whether two plumbing records fold into one line: the same direction, read alike.</summary>
    public static bool FoldTogether(IDialect dialect, MessageEvent first, MessageEvent next) =>
        first.Direction == next.Direction && dialect.Shown(first.Message, first.Direction) == dialect.Shown(next.Message, next.Direction);

    private static string Arrow(MessageEvent message) => message.Direction == MessageDirection.Sent ? "→" : "←";
}
