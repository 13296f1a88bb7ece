using BddWs.Cli.Recording;
using BddWs.Cli.Recording.Har;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests.Recording;

/// <summary>A file that is not a HAR is refused in one line that names it and says what is wrong.</summary>
public sealed class HarMalformedTests
{
    [Fact]
    public void A_missing_file()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "nowhere.har");

        Refusal(path).Should().Be($"There is no HAR file {path}.");
    }

    [Theory]
    [InlineData("<html><body>Sign in</body></html>", "it is not JSON (line 1, character 1)")]
    [InlineData("{\"log\": {\"entries\": [\n  {\"startedDateTime\": }\n]}}", "it is not JSON (line 2, character 23)")]
    [InlineData("", "it is not JSON (line 1, character 1)")]
    [InlineData("[]", "it has no log.entries")]
    [InlineData("{\"log\": {\"pages\": []}}", "it has no log.entries")]
    [InlineData("{\"log\": {\"entries\": {}}}", "it has no log.entries")]
    [InlineData("{\"log\": {\"entries\": [42]}}", "entry 1 is not an object")]
    [InlineData("{\"log\": {\"entries\": [{\"request\": {\"url\": \"http://localhost/\"}}]}}", "entry 1 has no startedDateTime")]
    [InlineData("{\"log\": {\"entries\": [{\"startedDateTime\": \"yesterday\", \"request\": {\"url\": \"http://localhost/\"}}]}}",
        "entry 1 has a startedDateTime that is not a date: \"yesterday\"")]
    [InlineData("{\"log\": {\"entries\": [{\"startedDateTime\": \"2026-01-31T09:30:00Z\", \"request\": {\"method\": \"GET\"}}]}}", "entry 1 has no request URL")]
    [InlineData("{\"log\": {\"entries\": [{\"startedDateTime\": \"2026-01-31T09:30:00Z\", \"request\": {\"url\": \"/api/orders\"}}]}}",
        "entry 1 has a request URL that is not a full http(s) or ws(s) address: \"/api/orders\"")]
    [InlineData("{\"log\": {\"entries\": [{\"startedDateTime\": \"2026-01-31T09:30:00Z\", \"request\": {\"url\": \"file:///etc/passwd\"}}]}}",
        "entry 1 has a request URL that is not a full http(s) or ws(s) address: \"file:///etc/passwd\"")]
    public void Not_a_har_file(string text, string why)
    {
        using var folder = new TempFolder();
        var path = folder.Write("session.har", text);

        Refusal(path).Should().Be($"{path} is not a HAR file: {why}.");
    }

    [Fact]
    public void The_entry_at_fault_is_counted_from_one_in_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("session.har", """
            {"log": {"entries": [
              {"startedDateTime": "2026-01-31T09:30:00Z", "request": {"url": "http://localhost/a"}},
              {"startedDateTime": "2026-01-31T09:30:01Z", "request": {"url": "http://localhost/b"}, "response": {"status": 200,
                "content": {"text": "not base64!", "encoding": "base64"}}}]}}
            """);

        Refusal(path).Should().Be($"{path} is not a HAR file: entry 2 has a response body marked base64 that is not base64.");
    }

    [Fact]
    public void A_har_with_no_entries_is_an_empty_session()
    {
        using var folder = new TempFolder();
        var reading = HarFile.ReadWithNotes(folder.Write("empty.har", """{"log": {"version": "1.2", "entries": []}}"""));

        reading.Session.Events.Should().BeEmpty();
        reading.LeftOutNote.Should().BeNull();
    }

    private static string Refusal(string path)
    {
        var read = () => HarFile.Read(path);
        return read.Should().Throw<RecordingException>().Which.Message;
    }
}
