using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using BddWs.Cli.Recording;
using BddWs.Cli.Recording.Proxy;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests.Recording;

/// <summary>The recording proxy forwards HTTP and WebSocket traffic as it came and records it exactly.</summary>
public sealed class RecordingProxyTests : IAsyncLifetime
{
    private static readonly IPEndPoint AnyPort = new(IPAddress.Loopback, 0);
    private readonly List<string> log = [];
    private EchoService service = null!;
    private RecordingProxy proxy = null!;

    public async ValueTask InitializeAsync()
    {
        service = await EchoService.StartAsync();
        proxy = await RecordingProxy.StartAsync(service.Url, AnyPort, Log, cancel: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await proxy.DisposeAsync();
        await service.DisposeAsync();
    }

    private void Log(string line)
    {
        lock (log)
        {
            log.Add(line);
        }
    }

    private Uri Through(string pathAndQuery) => new(proxy.Address, pathAndQuery);

    private Uri SocketThrough(string pathAndQuery) => new UriBuilder(Through(pathAndQuery)) { Scheme = "ws" }.Uri;

    [Fact]
    public async Task An_http_exchange_passes_unchanged_and_is_recorded_with_its_bodies()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Through("http?status=201&q=a%20b"))
        {
            Content = new StringContent("""{"item":"tea","quantity":2}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Custom", "one");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be("""{"item":"tea","quantity":2}""");
        response.Headers.GetValues("X-Echo").Should().Equal("yes");
        var arrived = service.Requests.Single();
        arrived["X-Custom"].ToString().Should().Be("one");
        arrived.Keys.Should().NotContain(k => k.StartsWith("X-Forwarded", StringComparison.OrdinalIgnoreCase));
        arrived.Host.ToString().Should().Be(service.Url.Authority);

        var session = await proxy.StopAsync();
        session.Source.Should().Be($"proxy to {service.Url.GetLeftPart(UriPartial.Authority)}");
        var exchange = session.Events.Should().ContainSingle().Which.Should().BeOfType<HttpExchange>().Which;
        exchange.Method.Should().Be("POST");
        exchange.Url.Should().Be(Through("http?status=201&q=a%20b"));
        exchange.RequestHeaders.Should().Contain(new RecordedHeader("X-Custom", "one"));
        exchange.RequestBody.Should().Be("""{"item":"tea","quantity":2}""");
        exchange.Status.Should().Be(201);
        exchange.ResponseHeaders.Should().Contain(new RecordedHeader("X-Echo", "yes"));
        exchange.ResponseBody.Should().Be("""{"item":"tea","quantity":2}""");
        exchange.BodiesAreBase64.Should().BeFalse();
        log.Should().Equal("POST /http?status=201&q=a%20b 201");
    }

    [Fact]
    public async Task A_binary_body_passes_byte_for_byte_and_is_recorded_as_base64()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        using var client = new HttpClient();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/octet-stream");

        using var response = await client.PutAsync(Through("http"), content, TestContext.Current.CancellationToken);

        (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Should().Equal(bytes);
        var exchange = (HttpExchange)(await proxy.StopAsync()).Events.Single();
        exchange.BodiesAreBase64.Should().BeTrue();
        Convert.FromBase64String(exchange.RequestBody!).Should().Equal(bytes);
        Convert.FromBase64String(exchange.ResponseBody!).Should().Equal(bytes);
    }

    [Fact]
    public async Task A_body_longer_than_the_limit_passes_whole_and_is_kept_to_its_first_megabyte()
    {
        var text = new string('a', RecordingProxy.DefaultLimit + 500_000);
        using var client = new HttpClient();

        using var response = await client.PostAsync(Through("http"), new StringContent(text), TestContext.Current.CancellationToken);

        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be(text);
        var session = await proxy.StopAsync();
        var exchange = (HttpExchange)session.Events.Single();
        exchange.RequestBody.Should().Be(text[..RecordingProxy.DefaultLimit]);
        exchange.ResponseBody.Should().Be(text[..RecordingProxy.DefaultLimit]);
        session.Source.Should().Be($"proxy to {service.Url.GetLeftPart(UriPartial.Authority)} (1 body or message longer than 1 MB kept as its first 1 MB)");
    }

    [Fact]
    public async Task WebSocket_messages_pass_as_they_were_sent_and_are_recorded_whole_in_both_directions()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("chat.v1");
        socket.Options.AddSubProtocol("chat.v2");
        socket.Options.SetRequestHeader("X-Custom", "two");
        await socket.ConnectAsync(SocketThrough("ws?room=1"), cancel);
        socket.SubProtocol.Should().Be("chat.v2");

        await socket.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Text, true, cancel);
        (await ReceiveAsync(socket)).Should().Be((WebSocketMessageType.Text, "hello"));
        await socket.SendAsync("abc"u8.ToArray(), WebSocketMessageType.Text, false, cancel);
        await socket.SendAsync("déf"u8.ToArray(), WebSocketMessageType.Text, true, cancel);
        (await ReceiveAsync(socket)).Should().Be((WebSocketMessageType.Text, "abcdéf"));
        byte[] binary = [0, 1, 2, 255, 128];
        await socket.SendAsync(binary, WebSocketMessageType.Binary, true, cancel);
        (await ReceiveAsync(socket)).Should().Be((WebSocketMessageType.Binary, Convert.ToBase64String(binary)));
        var large = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},"));
        await socket.SendAsync(Encoding.UTF8.GetBytes(large), WebSocketMessageType.Text, true, cancel);
        (await ReceiveAsync(socket)).Should().Be((WebSocketMessageType.Text, large));
        await socket.SendAsync("close-me"u8.ToArray(), WebSocketMessageType.Text, true, cancel);
        (await ReceiveAsync(socket)).Type.Should().Be(WebSocketMessageType.Close);
        socket.CloseStatus.Should().Be((WebSocketCloseStatus)4001);
        socket.CloseStatusDescription.Should().Be("bye");
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel);

        // The service got the fragments as fragments.
        service.Frames.Take(3).Select(f => (Encoding.UTF8.GetString(f.Bytes), f.End)).Should().Equal(("hello", true), ("abc", false), ("déf", true));
        service.Requests.Single()["X-Custom"].ToString().Should().Be("two");

        var events = (await proxy.StopAsync()).Events;
        var opened = events[0].Should().BeOfType<WebSocketOpened>().Which;
        opened.Url.Should().Be(SocketThrough("ws?room=1"));
        opened.Subprotocol.Should().Be("chat.v2");
        opened.RequestHeaders.Should().Contain(new RecordedHeader("X-Custom", "two"));
        opened.RequestHeaders.Should().Contain(new RecordedHeader("Sec-WebSocket-Protocol", "chat.v1, chat.v2"));
        var c = opened.Connection;
        events.Skip(1).Select(e => e with { At = TimeSpan.Zero }).Should().Equal(
            new WebSocketFrame(TimeSpan.Zero, c, true, "hello"),
            new WebSocketFrame(TimeSpan.Zero, c, false, "hello"),
            new WebSocketFrame(TimeSpan.Zero, c, true, "abcdéf"),
            new WebSocketFrame(TimeSpan.Zero, c, false, "abcdéf"),
            new WebSocketFrame(TimeSpan.Zero, c, true, Convert.ToBase64String(binary), Binary: true),
            new WebSocketFrame(TimeSpan.Zero, c, false, Convert.ToBase64String(binary), Binary: true),
            new WebSocketFrame(TimeSpan.Zero, c, true, large),
            new WebSocketFrame(TimeSpan.Zero, c, false, large),
            new WebSocketFrame(TimeSpan.Zero, c, true, "close-me"),
            new WebSocketClosed(TimeSpan.Zero, c, false, 4001, "bye"));
        events.Select(e => e.At).Should().BeInAscendingOrder();
        log.Should().Equal($"WebSocket {c} /ws (chat.v2) opened", $"WebSocket {c} closed by the service (4001)");
    }

    [Fact]
    public async Task Compressed_messages_are_recorded_as_they_were_before_compression()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions { ClientMaxWindowBits = 12 };
        await socket.ConnectAsync(SocketThrough("ws-deflate"), cancel);
        var text = string.Concat(Enumerable.Repeat("compress me, ", 200));

        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancel);
        (await ReceiveAsync(socket)).Should().Be((WebSocketMessageType.Text, text));
        await socket.SendAsync(Encoding.UTF8.GetBytes(text + "again"), WebSocketMessageType.Text, true, cancel);
        (await ReceiveAsync(socket)).Should().Be((WebSocketMessageType.Text, text + "again"));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel);

        var events = (await proxy.StopAsync()).Events;
        events[0].Should().BeOfType<WebSocketOpened>().Which.RequestHeaders.Should().Contain(h => h.Name == "Sec-WebSocket-Extensions" && h.Value.StartsWith("permessage-deflate", StringComparison.Ordinal));
        events.OfType<WebSocketFrame>().Select(f => (f.FromClient, f.Payload)).Should().Equal((true, text), (false, text), (true, text + "again"), (false, text + "again"));
        events[^1].Should().BeEquivalentTo(new { ByClient = true, Status = 1000 });
    }

    [Fact]
    public async Task A_close_by_the_client_is_recorded_with_its_status_and_reason()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(SocketThrough("ws"), cancel);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cancel);

        socket.CloseStatus.Should().Be(WebSocketCloseStatus.NormalClosure);
        socket.CloseStatusDescription.Should().Be("done");
        var events = (await proxy.StopAsync()).Events;
        events.Should().HaveCount(2, string.Join("; ", events.Select(e => e.ToString()).Concat(log)));
        events[0].Should().BeOfType<WebSocketOpened>().Which.Subprotocol.Should().BeNull();
        events[1].Should().BeEquivalentTo(new { Connection = "ws1", ByClient = true, Status = 1000, Reason = "done" });
    }

    [Fact]
    public async Task A_connection_the_client_drops_without_a_close_frame_is_recorded_as_ended_by_the_client()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(SocketThrough("ws"), cancel);
        await socket.SendAsync("bye for now"u8.ToArray(), WebSocketMessageType.Text, true, cancel);
        await ReceiveAsync(socket);

        socket.Abort();

        await WaitForAsync(() => { lock (log) { return log.Count == 2; } });
        var events = (await proxy.StopAsync()).Events;
        events[^1].Should().BeEquivalentTo(new { ByClient = true, Status = (int?)null, Reason = (string?)null });
        log[^1].Should().Be("WebSocket ws1 ended by the client without a close frame");
    }

    [Fact]
    public async Task A_connection_the_service_drops_without_a_close_frame_is_recorded_as_ended_by_the_service()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(SocketThrough("ws"), cancel);

        await socket.SendAsync("drop-me"u8.ToArray(), WebSocketMessageType.Text, true, cancel);

        await WaitForAsync(() => { lock (log) { return log.Count == 2; } });
        var events = (await proxy.StopAsync()).Events;
        events[^1].Should().BeEquivalentTo(new { ByClient = false, Status = (int?)null, Reason = (string?)null });
        log[^1].Should().Be("WebSocket ws1 ended by the service without a close frame");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_connection_still_open_when_the_recording_stops_gets_no_close()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(SocketThrough("ws"), cancel);
        await socket.SendAsync("still here"u8.ToArray(), WebSocketMessageType.Text, true, cancel);
        await ReceiveAsync(socket);

        var events = (await proxy.StopAsync()).Events;

        events.Select(e => e.GetType().Name).Should().Equal([nameof(WebSocketOpened), nameof(WebSocketFrame), nameof(WebSocketFrame)], string.Join("; ", events.Select(e => e.ToString()).Concat(log)));
    }

    [Fact]
    public async Task A_service_that_cannot_be_reached_gives_the_client_502_and_records_nothing()
    {
        var closed = ClosedPort();
        await using var lonely = await RecordingProxy.StartAsync(new Uri($"http://127.0.0.1:{closed}"), AnyPort, Log, cancel: TestContext.Current.CancellationToken);
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(lonely.Address, "orders"), TestContext.Current.CancellationToken);
        using var again = await client.GetAsync(new Uri(lonely.Address, "orders"), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await lonely.StopAsync()).Events.Should().BeEmpty();
        log.Should().Equal($"The service at http://127.0.0.1:{closed} cannot be reached (Connection refused): the client got 502; nothing is recorded until it answers.");
    }

    [Fact]
    public async Task A_port_in_use_is_refused_in_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var start = () => RecordingProxy.StartAsync(service.Url, new IPEndPoint(IPAddress.Loopback, port), Log);

        (await start.Should().ThrowAsync<RecordingException>()).Which.Message.Should().Be($"Cannot listen on 127.0.0.1:{port}: the port is in use.");
    }

    internal static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<(WebSocketMessageType Type, string Payload)> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                var bytes = message.ToArray();
                return (received.MessageType, received.MessageType == WebSocketMessageType.Binary ? Convert.ToBase64String(bytes) : Encoding.UTF8.GetString(bytes));
            }
        }
    }
}
