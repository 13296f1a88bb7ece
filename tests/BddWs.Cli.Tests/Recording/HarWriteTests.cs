using System.Text.Json;
using BddWs.Cli.Recording;
using BddWs.Cli.Recording.Har;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests.Recording;

/// <summary>A recorded session written as a HAR file: in DevTools' form, and read back as it was.</summary>
public sealed class HarWriteTests
{
    private static readonly Uri Orders = new("ws://localhost:5000/orders?access_token=abc");

    private static RecordedSession Session(string first = "1", string second = "2") => new("proxy to http://localhost:5000",
    [
        new HttpExchange(TimeSpan.Zero, "POST", new Uri("http://localhost:5000/api/files"),
            [new("Content-Type", "application/octet-stream"), new("Authorization", "Bearer abc")], Convert.ToBase64String([0, 1, 2, 255]),
            201, [new("Content-Type", "application/json"), new("Location", "/api/files/1")], Convert.ToBase64String("""{"id":"1"}"""u8.ToArray()),
            BodiesAreBase64: true),
        new WebSocketOpened(TimeSpan.FromMilliseconds(5), first, Orders, [new("Origin", "http://localhost:5000")], "json"),
        new WebSocketFrame(TimeSpan.FromMilliseconds(5), first, FromClient: true, """{"type":"subscribe"}"""),
        new HttpExchange(TimeSpan.FromMilliseconds(6), "GET", new Uri("http://localhost:5000/api/orders?from=1&to=2"), [], null, 200,
            [new("Content-Type", "application/json")], "[]"),
        new WebSocketFrame(TimeSpan.FromMilliseconds(7), first, FromClient: false, "AAEC", Binary: true),
        new WebSocketFrame(TimeSpan.FromMilliseconds(7), first, FromClient: false, "Zoë \u001e <b>"),
        new WebSocketOpened(TimeSpan.FromMilliseconds(9), second, new Uri("wss://example.com/chat"), [], null),
        new WebSocketClosed(TimeSpan.FromMilliseconds(9), first, ByClient: false, 1001, "going away"),
        new WebSocketFrame(TimeSpan.FromMilliseconds(10), second, FromClient: true, "hi"),
        new WebSocketClosed(TimeSpan.FromMilliseconds(1500), second, ByClient: true, null, null),
    ]);

    [Fact]
    public void Reading_back_gives_the_same_session()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "written.har");
        var session = Session();

        HarFile.Write(session, path);
        var again = HarFile.ReadWithNotes(path);

        HarFixturesTests.Comparable(again.Session).Skip(1).Should().Equal(HarFixturesTests.Comparable(session).Skip(1));
        again.Session.Source.Should().Be("written.har");
        again.LeftOut.Should().Be(0);
    }

    [Fact]
    public void Connections_are_numbered_in_the_order_they_opened()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "named.har");

        HarFile.Write(Session("orders", "chat"), path);

        HarFile.Read(path).Events.OfType<WebSocketOpened>().Select(o => o.Connection).Should().Equal("1", "2");
    }

    [Fact]
    public void The_file_is_har_1_2_with_every_field_the_devtools_importer_requires()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "written.har");

        HarFile.Write(Session(), path);

        using var har = JsonDocument.Parse(File.ReadAllText(path));
        var log = har.RootElement.GetProperty("log");
        log.GetProperty("version").GetString().Should().Be("1.2");
        log.GetProperty("creator").GetProperty("name").GetString().Should().Be("bddws");
        log.GetProperty("creator").GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        log.GetProperty("pages").GetArrayLength().Should().Be(0);
        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        entries.Should().HaveCount(4);
        entries.Should().AllSatisfy(entry =>
        {
            DateTimeOffset.Parse(entry.GetProperty("startedDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            entry.GetProperty("time").GetDouble();
            var request = entry.GetProperty("request");
            foreach (var field in new[] { "method", "url", "httpVersion" })
            {
                request.GetProperty(field).ValueKind.Should().Be(JsonValueKind.String);
            }

            foreach (var field in new[] { "headers", "cookies", "queryString" })
            {
                request.GetProperty(field).ValueKind.Should().Be(JsonValueKind.Array);
            }

            request.GetProperty("headersSize").GetInt32();
            request.GetProperty("bodySize").GetInt32();
            var response = entry.GetProperty("response");
            response.GetProperty("status").GetInt32();
            response.GetProperty("statusText").ValueKind.Should().Be(JsonValueKind.String);
            response.GetProperty("redirectURL").ValueKind.Should().Be(JsonValueKind.String);
            response.GetProperty("content").GetProperty("size").GetInt32();
            response.GetProperty("content").GetProperty("mimeType").ValueKind.Should().Be(JsonValueKind.String);
            response.GetProperty("headersSize").GetInt32();
            response.GetProperty("bodySize").GetInt32();
            foreach (var field in new[] { "send", "wait", "receive" })
            {
                entry.GetProperty("timings").GetProperty(field).GetDouble();
            }
        });
    }

    [Fact]
    public void Websocket_messages_are_in_devtools_form_the_close_as_a_close_frame()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "written.har");

        HarFile.Write(Session(), path);

        using var har = JsonDocument.Parse(File.ReadAllText(path));
        var entries = har.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray().ToList();
        var orders = entries[1];
        orders.GetProperty("_resourceType").GetString().Should().Be("websocket");
        orders.GetProperty("request").GetProperty("url").GetString().Should().Be(Orders.AbsoluteUri);
        orders.GetProperty("response").GetProperty("status").GetInt32().Should().Be(101);
        orders.GetProperty("response").GetProperty("headers")[0].GetProperty("value").GetString().Should().Be("json");
        var messages = orders.GetProperty("_webSocketMessages").EnumerateArray()
            .Select(m => $"{m.GetProperty("type").GetString()} {m.GetProperty("opcode").GetInt32()} {m.GetProperty("data").GetString()}");
        messages.Should().Equal(
            """send 1 {"type":"subscribe"}""",
            "receive 2 AAEC",
            "receive 1 Zoë \u001e <b>",
            "receive 8 A+lnb2luZyBhd2F5");
        var times = orders.GetProperty("_webSocketMessages").EnumerateArray().Select(m => m.GetProperty("time").GetDecimal()).ToList();
        times.Should().BeInAscendingOrder();
        (times[0] * 1000 % 1).Should().BeGreaterThan(0, "what happened in the millisecond the connection opened keeps its place by a microsecond");
        entries[3].GetProperty("_webSocketMessages").EnumerateArray().Last().GetProperty("data").GetString().Should().BeEmpty("the connection ended without a close frame");
    }

    [Fact]
    public void Bodies_are_text_or_base64_as_the_session_keeps_them()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "written.har");

        HarFile.Write(Session(), path);

        using var har = JsonDocument.Parse(File.ReadAllText(path));
        var entries = har.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray().ToList();
        var upload = entries[0];
        upload.GetProperty("request").GetProperty("postData").GetProperty("mimeType").GetString().Should().Be("application/octet-stream");
        upload.GetProperty("request").GetProperty("bodySize").GetInt32().Should().Be(4);
        upload.GetProperty("response").GetProperty("content").GetProperty("encoding").GetString().Should().Be("base64");
        upload.GetProperty("response").GetProperty("redirectURL").GetString().Should().Be("/api/files/1");
        var list = entries[2];
        list.GetProperty("request").TryGetProperty("postData", out _).Should().BeFalse();
        list.GetProperty("request").GetProperty("queryString").EnumerateArray().Select(q => q.GetProperty("value").GetString()).Should().Equal("1", "2");
        list.GetProperty("response").GetProperty("content").GetProperty("text").GetString().Should().Be("[]");
        list.GetProperty("response").GetProperty("content").TryGetProperty("encoding", out _).Should().BeFalse();
    }
}
