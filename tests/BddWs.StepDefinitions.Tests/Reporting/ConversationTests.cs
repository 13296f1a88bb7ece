using BddWs.StepDefinitions;
using BddWs.ReqnrollPlugin.Reporting;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Reporting;

/// <summary>A step flooded with messages stays readable in the report, and the whole conversation is kept in a file.</summary>
public sealed class ConversationTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bddws-conversation-");

    [Fact]
    public async Task A_step_with_few_events_shows_them_all_and_writes_no_file()
    {
        await using var steps = await ConnectedAsync(text => [$"Message text was: {text}"]);
        await steps.Sending.SendText(I, "Hello");
        await steps.Receiving.MessageEqualTo(I, "Message text was: Hello", new Duration(TimeSpan.FromSeconds(30)));
        var conversation = new Conversation { FullConversationFile = Path.Combine(_folder.FullName, "Echo - Hello.txt") };

        var lines = conversation.NewLines(steps.Connections.All, "When I send \"Hello\"");

        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("open ws://");
        lines[1].Should().MatchRegex(@"^→ sent ""Hello"" \(\+[0-9.]+ ?(ms|s)\)$");
        lines[2].Should().StartWith("← received \"Message text was: Hello\" (+");
        File.Exists(conversation.FullConversationFile).Should().BeFalse();
    }

    [Fact]
    public async Task A_json_message_shows_as_the_json_text_it_is_and_plain_text_keeps_its_backslashes_visible()
    {
        const string Json = @"{""type"":""ack"",""request"":""{\u0022subscribe\u0022:\u0022news\u0022}""}";
        await using var steps = await ConnectedAsync(_ => [Json, @"C:\temp"]);
        await steps.Sending.SendText(I, "go");
        await steps.ReceivedAsync(I, 2);

        var lines = new Conversation().NewLines(steps.Connections.All);

        lines[2].Should().StartWith(@"← received ""{""type"":""ack"",""request"":""{\u0022subscribe\u0022:\u0022news\u0022}""}"" (+");
        lines[3].Should().StartWith(@"← received ""C:\\temp"" (+");
    }

    [Fact]
    public async Task Secret_values_are_masked_in_every_line_sent_or_received()
    {
        await using var steps = await ConnectedAsync(text => [$"welcome {text}"]);
        steps.Values.Remember("token", "t-42");
        await steps.Sending.SendText(I, "t-42");
        await steps.ReceivedAsync(I, 1);

        var lines = new Conversation(steps.Values).NewLines(steps.Connections.All);

        lines[1].Should().StartWith("→ sent \"***\" (+");
        lines[2].Should().StartWith("← received \"welcome ***\" (+");
    }

    [Fact]
    public async Task Ignored_messages_stay_in_the_conversation_marked_as_ignored()
    {
        await using var steps = await ConnectedAsync(_ => ["{\"type\":\"heartbeat\"}", "{\"type\":\"sum\"}"]);
        steps.Noise.IgnoreWhere(I, "$.type", "heartbeat");
        await steps.Sending.SendText(I, "go");
        // The heartbeat is ignored, so one message counts; it came first, so both are here.
        await steps.ReceivedAsync(I, 1);

        var lines = new Conversation().NewLines(steps.Connections.All);

        lines.Should().HaveCount(4);
        lines[2].Should().MatchRegex(@"^← received ""\{""type"":""heartbeat""\}"" \(\+[^)]+\) \(ignored\)$");
        lines[3].Should().MatchRegex(@"^← received ""\{""type"":""sum""\}"" \(\+[^)]+\)$");
    }

    [Fact]
    public async Task A_flooded_step_shows_the_first_and_last_events_the_count_and_where_the_rest_is()
    {
        await using var steps = await ConnectedAsync(_ => Enumerable.Range(1, 1000).Select(n => $"tick {n}"));
        var conversation = new Conversation { FullConversationFile = Path.Combine(_folder.FullName, "Burst - Many ticks.txt") };
        conversation.NewLines(steps.Connections.All, "Given I am connected");
        await steps.Sending.SendText(I, "go");
        await steps.Receiving.MessageEqualTo(I, "tick 1000", new Duration(TimeSpan.FromSeconds(30)));

        var lines = conversation.NewLines(steps.Connections.All, "When I send \"go\"");

        lines.Should().HaveCount(31);
        lines[0].Should().StartWith("→ sent \"go\" (+");
        lines[1].Should().StartWith("← received \"tick 1\" (+");
        lines[19].Should().StartWith("← received \"tick 19\" (+");
        lines[20].Should().Be($"… 971 more events not shown here (971 received); the whole conversation: {ConversationFiles.Display(conversation.FullConversationFile!)}");
        lines[21].Should().StartWith("← received \"tick 991\" (+");
        lines[30].Should().StartWith("← received \"tick 1000\" (+");

        var file = File.ReadAllLines(conversation.FullConversationFile!);
        file.Should().HaveCount(1004, "both steps' headings and every event: open, sent, 1000 received");
        file[0].Should().Be("Given I am connected");
        file[1].Should().StartWith("  open ws://");
        file[2].Should().Be("When I send \"go\"");
        file[3].Should().StartWith("  → sent \"go\" (+");
        file[^1].Should().StartWith("  ← received \"tick 1000\" (+");
    }

    [Fact]
    public async Task After_a_flood_later_steps_are_added_to_the_file_so_it_stays_whole()
    {
        await using var steps = await ConnectedAsync(text => text == "go" ? Enumerable.Range(1, 100).Select(n => $"tick {n}") : [$"Message text was: {text}"]);
        var conversation = new Conversation { FullConversationFile = Path.Combine(_folder.FullName, "Burst - Then more.txt") };
        await steps.Sending.SendText(I, "go");
        await steps.Receiving.MessageEqualTo(I, "tick 100", new Duration(TimeSpan.FromSeconds(30)));
        conversation.NewLines(steps.Connections.All, "When I send \"go\"");
        await steps.Sending.SendText(I, "after");
        await steps.Receiving.MessageEqualTo(I, "Message text was: after", new Duration(TimeSpan.FromSeconds(30)));

        conversation.NewLines(steps.Connections.All, "When I send \"after\"").Should().HaveCount(2);

        var file = File.ReadAllLines(conversation.FullConversationFile!);
        file.Should().HaveCount(106, "the flooded step: heading, open, sent, 100 received; then the next step: heading, sent, received");
        file[^3].Should().Be("When I send \"after\"");
        file[^2].Should().StartWith("  → sent \"after\" (+");
        file[^1].Should().StartWith("  ← received \"Message text was: after\" (+");
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
