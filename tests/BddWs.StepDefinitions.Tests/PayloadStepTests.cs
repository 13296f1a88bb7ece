using BddWs.Driver;
using BddWs.ReqnrollPlugin.Reporting;
using BddWs.StepDefinitions;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>Messages of a given size and the content of files: what is sent, and what the report shows of it.</summary>
public sealed class PayloadStepTests
{
    [Fact]
    public async Task A_text_message_of_n_characters_repeats_the_digits()
    {
        await using var steps = await ConnectedAsync(_ => []);

        await steps.Payload.SendTextOfLength(I, 25);
        await steps.Payload.SendTextOfSize(I, new ParameterTypes().Size("12 bytes"));

        Sent(steps).Select(m => m.Text).Should().Equal("0123456789012345678901234", "012345678901");
    }

    [Fact]
    public async Task A_binary_message_of_a_size_counts_up_its_bytes()
    {
        await using var steps = await ConnectedAsync(_ => []);

        await steps.Payload.SendBinaryOfSize(I, new ByteCount(300));

        var bytes = Sent(steps).Single().Bytes;
        bytes.Should().HaveCount(300);
        (bytes[0], bytes[1], bytes[255], bytes[256], bytes[299]).Should().Be(((byte)0, (byte)1, (byte)255, (byte)0, (byte)43));
    }

    [Fact]
    public async Task The_report_shows_the_start_and_the_size_of_a_large_message_not_its_megabytes()
    {
        await using var steps = await ConnectedAsync(_ => []);
        var conversation = new Conversation();
        conversation.NewLines(steps.Connections.Reported);

        await steps.Payload.SendTextOfLength(I, 2_000_000);
        await steps.Payload.SendBinaryOfSize(I, new ByteCount(1024 * 1024));

        var told = conversation.NewParts(steps.Connections.Reported, []);
        ReportLines.WithoutTimes(told.Select(l => l.Line)).Should().Equal(
            $"→ sent \"{string.Concat(Enumerable.Repeat("0123456789", 20))}… (2000000 characters)\"",
            "→ sent binary (1048576 bytes: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F …)");
        told.Select(l => l.Whole).Should().Equal(
            $"{string.Concat(Enumerable.Repeat("0123456789", Conversation.MostWholeCharacters / 10))}… (2000000 characters; the rest is left out of the report)",
            null);
    }

    [Theory]
    [InlineData("2000 bytes", 2000)]
    [InlineData("1 byte", 1)]
    [InlineData("64 KB", 64_000)]
    [InlineData("64 KiB", 65_536)]
    [InlineData("2 MB", 2_000_000)]
    [InlineData("1 MiB", 1_048_576)]
    [InlineData("1024MiB", 1_073_741_824)]
    public void A_size_reads_bytes_thousands_and_1024s(string text, int bytes) =>
        new ParameterTypes().Size(text).Bytes.Should().Be(bytes);

    [Fact]
    public void A_size_over_one_gibibyte_is_refused_in_one_sentence() =>
        FluentActions.Invoking(() => new ParameterTypes().Size("5000 MiB")).Should().Throw<ArgumentException>()
            .WithMessage("5000 MiB is more than a message of this suite may hold (1 GiB).");

    [Fact]
    public async Task A_negative_number_of_characters_is_refused_in_one_sentence()
    {
        await using var steps = await ConnectedAsync(_ => []);

        (await FailureOf(() => steps.Payload.SendTextOfLength(I, -5))).Should().Be("A message cannot have -5 characters; give 0 or more.");
    }

    [Fact]
    public async Task A_json_file_is_sent_compact_with_remembered_values_put_in()
    {
        await using var steps = await ConnectedAsync(_ => []);
        Write(steps, "payloads/order.json", "{\n  \"type\": \"order\",\n  \"id\": \"${order}\"\n}\n");
        Write(steps, "payloads/note.txt", "order ${order}\nthanks");
        steps.Values.Remember("order", "42");

        await steps.Payload.SendFile(I, "payloads/order.json");
        await steps.Payload.SendFile(I, "payloads/note.txt");

        Sent(steps).Select(m => (m.IsText, m.Text)).Should().Equal((true, "{\"type\":\"order\",\"id\":\"42\"}"), (true, "order 42\nthanks"));
    }

    [Fact]
    public async Task A_binary_file_is_sent_byte_for_byte_with_nothing_replaced()
    {
        await using var steps = await ConnectedAsync(_ => []);
        byte[] content = [0x89, .. "PNG ${order}"u8, 0x00, 0xff];
        Directory.CreateDirectory(Path.Combine(steps.Files.Folder, "payloads"));
        File.WriteAllBytes(Path.Combine(steps.Files.Folder, "payloads/pixel.png"), content);
        steps.Values.Remember("order", "42");

        await steps.Payload.SendBinaryFile(I, "payloads/pixel.png");

        var sent = Sent(steps).Single();
        sent.IsText.Should().BeFalse();
        sent.Bytes.Should().Equal(content);
    }

    [Fact]
    public async Task A_broken_json_file_or_a_missing_file_stops_the_step_in_one_sentence()
    {
        await using var steps = await ConnectedAsync(_ => []);
        Write(steps, "bad.json", "{ \"type\": order }");

        (await FailureOf(() => steps.Payload.SendFile(I, "bad.json"))).Should().Be(
            "The JSON in \"bad.json\" is not valid: 'o' is an invalid start of a value, at line 1, character 11.");
        (await FailureOf(() => steps.Payload.SendBinaryFile(I, "payloads/none.png"))).Should().Be(
            $"There is no file \"payloads/none.png\" next to the feature: looked for {Path.Combine(steps.Files.Folder, "payloads", "none.png")}.");
        Sent(steps).Should().BeEmpty();
    }

    private static void Write(StepHarness steps, string name, string content)
    {
        var path = Path.Combine(steps.Files.Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static List<WebSocketMessage> Sent(StepHarness steps) =>
        [.. steps.Connections.Default.Log.Snapshot().OfType<MessageEvent>().Where(e => e.Direction == MessageDirection.Sent).Select(e => e.Message)];
}
