using BddWs.Testing;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests.Dialects;

/// <summary>What the session does for any dialect: records split and framed, plumbing left out, records shown in the dialect's words.</summary>
public sealed class DialectSessionTests
{
    [Fact]
    public async Task Each_record_of_a_frame_is_one_message_of_the_dialect_and_its_plumbing_is_left_out()
    {
        var arrived = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            arrived.TrySetResult(await ScriptedServer.ReceiveTextAsync(socket));
            await ScriptedServer.SendTextAsync(socket, "a 1\nka\nka\nb\n");
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { Dialect = LineDialect.Instance });
        await session.ConnectAsync();

        await session.SendAsync(WebSocketMessage.FromText("hello"));
        var outcome = await session.WaitForAsync(Expect.MessageCount(2), Patience.MustHappen);

        (await arrived.Task.WaitAsync(Patience.MustHappen, TestContext.Current.CancellationToken)).Should().Be("hello\n");
        outcome.Verdict.Should().Be(Verdict.Met, outcome.Explain());
        var records = session.Log.Snapshot().OfType<MessageEvent>().ToList();
        records.Select(r => r.Message.Text).Should().Equal("hello", "a 1", "ka", "ka", "b");
        records.Should().OnlyContain(r => r.Message.Dialect == LineDialect.Instance);
        session.LastMessage!.Text.Should().Be("b");
        LineDialect.Instance.ReplyId(records[1].Message).Should().Be("1");
    }

    [Fact]
    public async Task Failures_list_and_name_a_dialects_records_in_its_words()
    {
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await ScriptedServer.SendTextAsync(socket, "ka\n");
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        await using var session = new WebSocketSession("", server.Url, new ConnectionOptions { Dialect = LineDialect.Instance });
        await session.ConnectAsync();

        await session.SendAsync(WebSocketMessage.FromText("hello"));
        await session.Log.WaitUntilAsync(events => events.ReceivedMessages().Count == 1, Patience.MustHappen, TestContext.Current.CancellationToken);

        session.ReceivedSoFar().Since.Should().Be("the last message sent, line hello");
        Format.ReceivedList([WebSocketMessage.FromText("x", LineDialect.Instance), WebSocketMessage.FromText("y", LineDialect.Instance)])
            .Should().Be("2 lines: [1] line x [2] line y");
    }
}
