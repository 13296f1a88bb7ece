using System.Reflection;
using System.Text.Json;
using BddWs.Cli.Recording;
using BddWs.Cli.Recording.Har;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests.Recording;

/// <summary>The HAR files headless Chromium recorded against the bundled server (see Fixtures/README.md), read as sessions.</summary>
public sealed class HarFixturesTests
{
    private static readonly string Fixtures = Path.Combine(
        typeof(HarFixturesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "tests", "BddWs.Cli.Tests", "Recording", "Fixtures");

    private static HarReading Hub => HarFile.ReadWithNotes(Path.Combine(Fixtures, "hub-session.har"));

    private static HarReading Orders => HarFile.ReadWithNotes(Path.Combine(Fixtures, "orders-session.har"));

    [Fact]
    public void The_hub_session_is_two_negotiated_connections_talking_through_a_group()
    {
        var reading = Hub;

        reading.Session.Source.Should().Be("hub-session.har");
        RecordedSessionText.Lines(reading.Session).Should().Equal(
            "HTTP POST /hubs/chat/negotiate?negotiateVersion=1 200",
            "1 opened /hubs/chat",
            """1 sent {"protocol":"json","version":1}␞""",
            "1 received {}␞",
            """1 sent {"type":6}␞""",
            "HTTP POST /hubs/chat/negotiate?negotiateVersion=1 200",
            "2 opened /hubs/chat",
            """2 sent {"protocol":"json","version":1}␞""",
            "2 received {}␞",
            """2 sent {"type":6}␞""",
            """1 sent {"target":"JoinGroup","arguments":["room","ada"],"invocationId":"0","type":1}␞""",
            """1 received {"type":1,"target":"UserJoined","arguments":["ada","room"]}␞{"type":3,"invocationId":"0","result":null}␞""",
            """2 sent {"target":"JoinGroup","arguments":["room","grace"],"invocationId":"0","type":1}␞""",
            """2 received {"type":1,"target":"UserJoined","arguments":["grace","room"]}␞{"type":3,"invocationId":"0","result":null}␞""",
            """1 received {"type":1,"target":"UserJoined","arguments":["grace","room"]}␞""",
            """1 sent {"target":"SendToGroup","arguments":["room","ada","hello grace"],"invocationId":"1","type":1}␞""",
            """2 received {"type":1,"target":"ReceiveMessage","arguments":["ada","hello grace"]}␞""",
            """1 received {"type":1,"target":"ReceiveMessage","arguments":["ada","hello grace"]}␞{"type":3,"invocationId":"1","result":null}␞""",
            """2 sent {"target":"Add","arguments":[2,3],"invocationId":"1","type":1}␞""",
            """2 received {"type":3,"invocationId":"1","result":5}␞""",
            """2 sent {"target":"GetRoom","arguments":["room"],"invocationId":"2","type":1}␞""",
            """2 received {"type":3,"invocationId":"2","result":{"name":"room","members":["ada","grace"]}}␞""",
            """2 sent {"target":"LeaveGroup","arguments":["room"],"invocationId":"3","type":1}␞""",
            """1 received {"type":1,"target":"UserLeft","arguments":["grace","room"]}␞""",
            """2 received {"type":3,"invocationId":"3","result":null}␞""",
            """2 sent {"type":7}␞""",
            "2 closed by the client",
            """1 sent {"type":7}␞""",
            "1 closed by the client");
    }

    [Fact]
    public void The_hub_session_leaves_out_the_page_its_favicon_and_the_client_script()
    {
        Hub.LeftOut.Should().Be(3);
        Hub.LeftOutNote.Should().Be("Left out 3 requests for pages, scripts, styles and images.");
    }

    [Fact]
    public void Each_hub_connection_opens_with_the_token_its_negotiation_gave()
    {
        var events = Hub.Session.Events;
        var negotiations = events.OfType<HttpExchange>().ToList();
        var connections = events.OfType<WebSocketOpened>().ToList();

        connections.Select(c => c.Url.AbsoluteUri).Should().Equal(negotiations.Select(n =>
            "ws://127.0.0.1:37963/hubs/chat?id=" + JsonDocument.Parse(n.ResponseBody!).RootElement.GetProperty("connectionToken").GetString()));
        connections.Should().AllSatisfy(c =>
        {
            c.Subprotocol.Should().BeNull();
            c.RequestHeaders.Should().ContainEquivalentOf(new RecordedHeader("Origin", "http://127.0.0.1:37963"));
            c.RequestHeaders.Should().Contain(h => h.Name == "Sec-WebSocket-Key");
        });
        negotiations.Should().AllSatisfy(n =>
        {
            n.RequestBody.Should().BeNull();
            n.BodiesAreBase64.Should().BeFalse();
            n.ResponseHeaders.Should().Contain(h => h.Name == "Content-Type" && h.Value.StartsWith("application/json", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Times_are_from_the_first_request_kept_in_whole_milliseconds_and_never_go_back()
    {
        foreach (var session in new[] { Hub.Session, Orders.Session })
        {
            session.Events[0].At.Should().Be(TimeSpan.Zero);
            session.Events.Select(e => e.At).Should().BeInAscendingOrder();
            session.Events.Should().AllSatisfy(e => (e.At.Ticks % TimeSpan.TicksPerMillisecond).Should().Be(0));
        }

        // The second heartbeat came half a second after the first, as the service sends them.
        var heartbeats = Orders.Session.Events.OfType<WebSocketFrame>().Where(f => f.Payload.Contains("heartbeat", StringComparison.Ordinal)).ToList();
        (heartbeats[1].At - heartbeats[0].At).Should().Be(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void The_orders_session_logs_in_subscribes_and_sees_an_order_created_and_cancelled()
    {
        var reading = Orders;

        reading.LeftOutNote.Should().Be("Left out 2 requests for pages, scripts, styles and images.");
        RecordedSessionText.Lines(reading.Session).Should().Equal(
            "HTTP POST /api/login 200",
            "1 opened /orders",
            """1 received {"type":"welcome","user":"ada","session":"L7FYLb9zT0RVI6ES"}""",
            """1 sent {"type":"subscribe","requestId":"r1","topic":"orders"}""",
            // Started in the millisecond the confirmation arrived: the request goes first (see HarReader).
            "HTTP POST /api/orders 201",
            """1 received {"type":"subscribed","requestId":"r1","topic":"orders"}""",
            """1 received {"type":"order.created","seq":1,"order":{"id":"oSODtnx_Vtg4r98l","item":"book","quantity":2,"status":"created","createdAt":"2026-12-06T05:39:22.108Z"}}""",
            """1 sent {"type":"get-order","requestId":"r2","id":"oSODtnx_Vtg4r98l"}""",
            """1 received {"type":"order","requestId":"r2","order":{"id":"oSODtnx_Vtg4r98l","item":"book","quantity":2,"status":"created","createdAt":"2026-12-06T05:39:22.108Z"}}""",
            "HTTP DELETE /api/orders/oSODtnx_Vtg4r98l 204",
            """1 received {"type":"order.cancelled","seq":2,"id":"oSODtnx_Vtg4r98l"}""",
            """1 received {"type":"heartbeat","at":"2026-12-06T05:39:22.495Z"}""",
            """1 received {"type":"heartbeat","at":"2026-12-06T05:39:22.995Z"}""",
            "1 closed by the client");
    }

    [Fact]
    public void The_orders_session_keeps_bodies_and_the_token_as_they_travelled()
    {
        var events = Orders.Session.Events;
        var login = events.OfType<HttpExchange>().First();
        var token = JsonDocument.Parse(login.ResponseBody!).RootElement.GetProperty("token").GetString();
        var create = events.OfType<HttpExchange>().Single(e => e.Method == "POST" && e.Url.AbsolutePath == "/api/orders");
        var cancel = events.OfType<HttpExchange>().Single(e => e.Method == "DELETE");

        login.RequestBody.Should().Be("""{"user":"ada","password":"open-sesame"}""");
        login.RequestHeaders.Should().ContainEquivalentOf(new RecordedHeader("Content-Type", "application/json"));
        events.OfType<WebSocketOpened>().Single().Url.Query.Should().Be($"?access_token={token}");
        create.RequestBody.Should().Be("""{"item":"book","quantity":2}""");
        create.RequestHeaders.Should().ContainEquivalentOf(new RecordedHeader("Authorization", $"Bearer {token}"));
        create.ResponseHeaders.Should().ContainEquivalentOf(new RecordedHeader("Location", "/api/orders/oSODtnx_Vtg4r98l"));
        cancel.ResponseBody.Should().BeNull();
        cancel.RequestHeaders.Select(h => h.Name).Should().OnlyHaveUniqueItems("a header the browser sent once is listed once");
    }

    [Theory]
    [InlineData("hub-session.har")]
    [InlineData("orders-session.har")]
    public void Writing_a_session_and_reading_it_back_gives_the_same_session(string fixture)
    {
        using var folder = new TempFolder();
        var session = HarFile.Read(Path.Combine(Fixtures, fixture));
        var written = Path.Combine(folder.Path, fixture);

        HarFile.Write(session, written);
        var again = HarFile.ReadWithNotes(written);

        Comparable(again.Session).Should().Equal(Comparable(session));
        again.LeftOut.Should().Be(0);
    }

    /// <summary>Every member of every event, lists included (records compare lists by reference).</summary>
    internal static IEnumerable<string> Comparable(RecordedSession session) =>
        [session.Source, .. session.Events.Select(e => JsonSerializer.Serialize(e, e.GetType()))];
}
