using BddWs.Driver;
using BddWs.Driver.Dialects;
using BddWs.ReqnrollPlugin.Reporting;
using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Reporting;

/// <summary>Any dialect's conversation reads in its words, its plumbing in a row folded into one line: the report names no dialect.</summary>
public sealed class DialectConversationTests
{
    [Fact]
    public async Task Records_read_in_the_dialects_words_and_runs_of_like_plumbing_fold_into_one_line()
    {
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await ScriptedServer.SendTextAsync(socket, "hi\nka\nka\nka\nbye\nka\n");
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { Dialect = Words.Instance });
        await session.ConnectAsync();
        await session.SendAsync(WebSocketMessage.FromText("hello"));
        await session.Log.WaitUntilAsync(events => events.ReceivedMessages().Count == 6, Patience.MustHappen, TestContext.Current.CancellationToken);

        var lines = new Conversation().NewLines([session]).Select(ReportLines.WithoutTime).ToList();

        lines.Skip(1).Should().Equal("→ say hello", "← said hi", "← keep-alive ×3", "← said bye", "← keep-alive ×1");
    }

    /// <summary>Records are lines; <c>ka</c> is a keep-alive, and a run of them reads <c>keep-alive ×3</c>.</summary>
    private sealed class Words : IDialect
    {
        public static readonly Words Instance = new();

        public string RecordNoun => "word";

        public IReadOnlyList<string> Split(string frame) => frame.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public string Frame(string record) => record + "\n";

        public bool IsPlumbing(WebSocketMessage record) => record.Text == "ka";

        public string Shown(WebSocketMessage record, MessageDirection direction) =>
            record.Text == "ka" ? "keep-alive" : $"{(direction == MessageDirection.Sent ? "say" : "said")} {record.Text}";

        public string? ReplyId(WebSocketMessage record) => null;

        public string Folded(string shown, int count) => $"{shown} ×{count}";
    }
}
