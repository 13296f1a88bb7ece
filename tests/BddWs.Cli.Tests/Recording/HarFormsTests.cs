using BddWs.Cli.Recording;
using BddWs.Cli.Recording.Har;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests.Recording;

/// <summary>
/// The HAR shapes other tools write, read as sessions. Neither tool runs here, so these are small files
/// in the shape their source code writes (mitmproxy's <c>savehar</c> addon, dev-proxy's
/// <c>HarGeneratorPlugin</c>), not recordings.
/// </summary>
public sealed class HarFormsTests
{
    // mitmproxy: Python isoformat() times with microseconds and an offset; WebSocket flows keep the
    // http:// URL of their upgrade; no _resourceType on HTTP entries; binary bodies base64. Its HAR dump
    // writes a WebSocket entry when the upgrade is answered and again when it ends.
    private const string Mitmproxy = """
        {"log": {"version": "1.2", "creator": {"name": "mitmproxy exporthar", "version": "0.1", "comment": "mitmproxy version 11.1.3"},
          "pages": [], "entries": [
          {"startedDateTime": "2026-01-31T09:30:00.123456+00:00", "time": 3.2,
           "request": {"method": "GET", "url": "http://localhost:5000/app.js", "httpVersion": "HTTP/1.1", "cookies": [],
             "headers": [{"name": "Sec-Fetch-Dest", "value": "script"}], "queryString": [], "headersSize": 40, "bodySize": 0},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
             "content": {"size": 9, "compression": 0, "mimeType": "text/javascript", "text": "let a = 1"}, "redirectURL": "", "headersSize": 10, "bodySize": 9},
           "cache": {}, "timings": {"connect": 1.0, "ssl": null, "send": 0.1, "receive": 0.1, "wait": 2.0}},
          {"startedDateTime": "2026-01-31T09:30:00.200000+00:00", "time": 4.0,
           "request": {"method": "POST", "url": "http://localhost:5000/api/login", "httpVersion": "HTTP/1.1", "cookies": [],
             "headers": [{"name": "Content-Type", "value": "application/json"}, {"name": "Sec-Fetch-Dest", "value": "empty"}],
             "queryString": [], "headersSize": 60, "bodySize": 39,
             "postData": {"mimeType": "application/json", "text": "{\"user\":\"ada\",\"password\":\"open-sesame\"}", "params": []}},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [],
             "headers": [{"name": "Content-Type", "value": "application/json"}],
             "content": {"size": 15, "compression": 0, "mimeType": "application/json", "text": "{\"token\":\"abc\"}"}, "redirectURL": "", "headersSize": 30, "bodySize": 15},
           "cache": {}, "timings": {"connect": -1.0, "ssl": -1.0, "send": 0.1, "receive": 0.1, "wait": 3.8}},
          {"startedDateTime": "2026-01-31T09:30:00.300000+00:00", "time": 2.0,
           "request": {"method": "GET", "url": "http://localhost:5000/orders?access_token=abc", "httpVersion": "HTTP/1.1", "cookies": [],
             "headers": [{"name": "Upgrade", "value": "websocket"}, {"name": "Sec-WebSocket-Protocol", "value": "json"}],
             "queryString": [{"name": "access_token", "value": "abc"}], "headersSize": 50, "bodySize": 0},
           "response": {"status": 101, "statusText": "Switching Protocols", "httpVersion": "HTTP/1.1", "cookies": [],
             "headers": [{"name": "Sec-WebSocket-Protocol", "value": "json"}],
             "content": {"size": 0, "compression": 0, "mimeType": "", "text": ""}, "redirectURL": "", "headersSize": 20, "bodySize": 0},
           "cache": {}, "timings": {"connect": -1.0, "ssl": -1.0, "send": 0, "receive": 0, "wait": 2.0},
           "_resourceType": "websocket", "_webSocketMessages": []},
          {"startedDateTime": "2026-01-31T09:30:00.300000+00:00", "time": 2.0,
           "request": {"method": "GET", "url": "http://localhost:5000/orders?access_token=abc", "httpVersion": "HTTP/1.1", "cookies": [],
             "headers": [{"name": "Upgrade", "value": "websocket"}, {"name": "Sec-WebSocket-Protocol", "value": "json"}],
             "queryString": [{"name": "access_token", "value": "abc"}], "headersSize": 50, "bodySize": 0},
           "response": {"status": 101, "statusText": "Switching Protocols", "httpVersion": "HTTP/1.1", "cookies": [],
             "headers": [{"name": "Sec-WebSocket-Protocol", "value": "json"}],
             "content": {"size": 0, "compression": 0, "mimeType": "", "text": ""}, "redirectURL": "", "headersSize": 20, "bodySize": 0},
           "cache": {}, "timings": {"connect": -1.0, "ssl": -1.0, "send": 0, "receive": 0, "wait": 2.0},
           "_resourceType": "websocket", "_webSocketMessages": [
             {"type": "receive", "time": 1769851800.35, "opcode": 1, "data": "{\"type\":\"welcome\"}"},
             {"type": "send", "time": 1769851800.4, "opcode": 2, "data": "AAEC"}]},
          {"startedDateTime": "2026-01-31T09:30:00.450000+00:00", "time": 1.0,
           "request": {"method": "GET", "url": "http://localhost:5000/logo.png", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
             "queryString": [], "headersSize": 20, "bodySize": 0},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
             "content": {"size": 4, "compression": 0, "mimeType": "image/png", "text": "iVBORw==", "encoding": "base64"}, "redirectURL": "", "headersSize": 20, "bodySize": 4},
           "cache": {}, "timings": {"connect": -1.0, "ssl": -1.0, "send": 0, "receive": 0, "wait": 1.0}},
          {"startedDateTime": "2026-01-31T09:30:00.500000+00:00", "time": 1.0,
           "request": {"method": "PUT", "url": "http://localhost:5000/api/report", "httpVersion": "HTTP/1.1", "cookies": [],
             "headers": [{"name": "Content-Type", "value": "text/plain"}], "queryString": [], "headersSize": 20, "bodySize": 2,
             "postData": {"mimeType": "text/plain", "text": "hi", "params": []}},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
             "content": {"size": 4, "compression": 0, "mimeType": "application/octet-stream", "text": "AAEC/w==", "encoding": "base64"}, "redirectURL": "", "headersSize": 20, "bodySize": 4},
           "cache": {}, "timings": {"connect": -1.0, "ssl": -1.0, "send": 0, "receive": 0, "wait": 1.0}}
        ]}}
        """;

    // dev-proxy: .NET's round-trip time format, sensitive headers REDACTED, no response body unless asked
    // for, WebSocket messages with the close as opcode 8 and its payload in base64; an entry whose
    // request got no response has none.
    private const string DevProxy = """
        {"log": {"version": "1.2", "creator": {"name": "DevProxy", "version": "2.1.0"}, "entries": [
          {"startedDateTime": "2026-01-31T09:30:00.2000000Z", "time": 0,
           "request": {"method": "POST", "url": "https://api.example.com/orders", "httpVersion": "HTTP/1.1",
             "headers": [{"name": "Authorization", "value": "REDACTED"}, {"name": "Content-Type", "value": "application/json"}],
             "queryString": [], "cookies": [], "headersSize": 80, "bodySize": 13,
             "postData": {"mimeType": "application/json", "text": "{\"item\":\"a\"}"}},
           "response": {"status": 201, "statusText": "Created", "httpVersion": "HTTP/1.1", "headers": [], "cookies": [],
             "content": {"size": 20, "mimeType": "application/json"}, "headersSize": 10, "bodySize": 20}},
          {"startedDateTime": "2026-01-31T09:30:00.3000000Z", "time": 0,
           "request": {"method": "GET", "url": "https://api.example.com/socket", "httpVersion": "HTTP/1.1",
             "headers": [{"name": "Upgrade", "value": "websocket"}], "queryString": [], "cookies": [], "headersSize": 40, "bodySize": 0},
           "response": {"status": 101, "statusText": "Switching Protocols", "httpVersion": "HTTP/1.1", "headers": [], "cookies": [],
             "content": {"size": 0, "mimeType": ""}, "headersSize": 10, "bodySize": 0},
           "_resourceType": "websocket", "_webSocketMessages": [
             {"type": "send", "time": 1769851800.31, "opcode": 1, "data": "hello"},
             {"type": "receive", "time": 1769851800.32, "opcode": 1, "data": "hello"},
             {"type": "receive", "time": 1769851800.33, "opcode": 8, "data": "A+hieWU="},
             {"type": "send", "time": 1769851800.331, "opcode": 8, "data": "A+hieWU="}]},
          {"startedDateTime": "2026-01-31T09:30:00.4000000Z", "time": 0,
           "request": {"method": "GET", "url": "https://api.example.com/slow", "httpVersion": "HTTP/1.1",
             "headers": [], "queryString": [], "cookies": [], "headersSize": 10, "bodySize": 0}}
        ]}}
        """;

    [Fact]
    public void Mitmproxy_its_websocket_once_with_its_messages_its_assets_left_out_by_what_they_are()
    {
        using var folder = new TempFolder();
        var reading = HarFile.ReadWithNotes(folder.Write("mitm.har", Mitmproxy));

        reading.LeftOutNote.Should().Be("Left out 2 requests for pages, scripts, styles and images.");
        Timed(reading.Session).Should().Equal(
            "0 HTTP POST /api/login 200",
            "100 1 opened /orders",
            """150 1 received {"type":"welcome"}""",
            "200 1 sent binary AAEC",
            "200 1 closed by the client",
            "300 HTTP PUT /api/report 200");
        var opened = reading.Session.Events.OfType<WebSocketOpened>().Single();
        opened.Url.Should().Be(new Uri("ws://localhost:5000/orders?access_token=abc"));
        opened.Subprotocol.Should().Be("json");
        var login = reading.Session.Events.OfType<HttpExchange>().First();
        login.RequestBody.Should().Be("""{"user":"ada","password":"open-sesame"}""");
        login.ResponseBody.Should().Be("""{"token":"abc"}""");
        login.BodiesAreBase64.Should().BeFalse();
    }

    [Fact]
    public void A_binary_body_makes_both_bodies_of_the_exchange_base64()
    {
        using var folder = new TempFolder();
        var report = HarFile.Read(folder.Write("mitm.har", Mitmproxy)).Events.OfType<HttpExchange>().Last();

        report.BodiesAreBase64.Should().BeTrue();
        report.ResponseBody.Should().Be("AAEC/w==");
        report.RequestBody.Should().Be(Convert.ToBase64String("hi"u8.ToArray()));
    }

    [Fact]
    public void A_text_body_given_as_base64_is_text()
    {
        using var folder = new TempFolder();
        var file = folder.Write("text.har", Mitmproxy.Replace(
            "\"text\": \"{\\\"token\\\":\\\"abc\\\"}\"", "\"text\": \"eyJ0b2tlbiI6ImFiYyJ9\", \"encoding\": \"base64\"", StringComparison.Ordinal));

        var login = HarFile.Read(file).Events.OfType<HttpExchange>().First();

        login.ResponseBody.Should().Be("""{"token":"abc"}""");
        login.BodiesAreBase64.Should().BeFalse();
    }

    [Fact]
    public void Dev_proxy_the_close_frame_says_who_closed_and_why()
    {
        using var folder = new TempFolder();
        var reading = HarFile.ReadWithNotes(folder.Write("devproxy.har", DevProxy));

        reading.LeftOutNote.Should().BeNull();
        Timed(reading.Session).Should().Equal(
            "0 HTTP POST /orders 201",
            "100 1 opened /socket",
            "110 1 sent hello",
            "120 1 received hello",
            "130 1 closed by the service 1000 bye",
            "200 HTTP GET /slow 0");
        reading.Session.Events.OfType<WebSocketOpened>().Single().Url.Should().Be(new Uri("wss://api.example.com/socket"));
        var order = reading.Session.Events.OfType<HttpExchange>().First();
        order.RequestHeaders.Should().ContainEquivalentOf(new RecordedHeader("Authorization", "REDACTED"));
        order.RequestBody.Should().Be("""{"item":"a"}""");
        order.ResponseBody.Should().BeNull("dev-proxy leaves the response's body out unless asked");
    }

    [Fact]
    public void A_form_kept_only_as_its_fields_is_sent_as_a_form()
    {
        using var folder = new TempFolder();
        var file = folder.Write("form.har", """
            {"log": {"entries": [{"startedDateTime": "2026-01-31T09:30:00Z",
              "request": {"method": "POST", "url": "http://localhost/login",
                "postData": {"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "user", "value": "ada lovelace"}, {"name": "next", "value": "/a&b"}]}},
              "response": {"status": 302}}]}}
            """);

        HarFile.Read(file).Events.OfType<HttpExchange>().Single().RequestBody.Should().Be("user=ada%20lovelace&next=%2Fa%26b");
    }

    [Fact]
    public void An_upgrade_the_service_refused_is_an_http_exchange()
    {
        using var folder = new TempFolder();
        var file = folder.Write("refused.har", """
            {"log": {"entries": [{"startedDateTime": "2026-01-31T09:30:00Z", "_resourceType": "websocket",
              "request": {"method": "GET", "url": "ws://localhost/orders"},
              "response": {"status": 401, "headers": [{"name": "WWW-Authenticate", "value": "Bearer"}]}}]}}
            """);

        RecordedSessionText.Lines(HarFile.Read(file)).Should().Equal("HTTP GET /orders 401");
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "Left out 1 request for pages, scripts, styles and images.")]
    [InlineData(12, "Left out 12 requests for pages, scripts, styles and images.")]
    public void What_was_left_out_is_said_in_one_line(int leftOut, string? note)
    {
        new HarReading(new RecordedSession("s.har", []), leftOut).LeftOutNote.Should().Be(note);
    }

    private static IEnumerable<string> Timed(RecordedSession session) =>
        session.Events.Select(e => $"{e.At.TotalMilliseconds} {RecordedSessionText.Line(e)}");
}
