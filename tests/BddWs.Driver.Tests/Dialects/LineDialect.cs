using BddWs.Driver.Dialects;

namespace BddWs.Driver.Tests.Dialects;

/// <summary>
/// The smallest dialect: records are lines, a frame may carry several, <c>ka</c> is a keep-alive.
/// Shows that a dialect costs its folder: the session, failures and the report need nothing else.
/// </summary>
public sealed class LineDialect : IDialect
{
    public static readonly LineDialect Instance = new();

    public string RecordNoun => "line";

    public IReadOnlyList<string> Split(string frame) => frame.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string Frame(string record) => record + "\n";

    public bool IsPlumbing(WebSocketMessage record) => record.Text == "ka";

    public string Shown(WebSocketMessage record, MessageDirection direction) => record.Text == "ka" ? "keep-alive" : $"line {record.Text}";

    public string? ReplyId(WebSocketMessage record) => record.Text.Split(' ') is [_, var id] ? id : null;
}
