using BddWs.Testing;
using System.Diagnostics;
using System.Net.WebSockets;
using FluentAssertions;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary><c>/json</c>: each command's exact reply, the error replies, and the subprotocol choice.</summary>
public sealed class JsonEndpointTests(BundledServer server) : IClassFixture<BundledServer>
{
    [Theory]
    [InlineData("""{"type":"greet","name":"Ada"}""", """{"type":"greeting","text":"Hello, Ada!","to":{"name":"Ada"}}""")]
    [InlineData("""{ "name": "Zoë <3", "type": "greet" }""", """{"type":"greeting","text":"Hello, Zoë <3!","to":{"name":"Zoë <3"}}""")]
    [InlineData("""{"type":"add","numbers":[1,2,3]}""", """{"type":"sum","value":6}""")]
    [InlineData("""{"type":"add","numbers":[0.1,0.2,-1]}""", """{"type":"sum","value":-0.7}""")]
    [InlineData("""{"type":"add","numbers":[]}""", """{"type":"sum","value":0}""")]
    [InlineData("""{"type":"hello","a":[1, 2.50]}""", """{"type":"echo","received":{"type":"hello","a":[1,2.50]}}""")]
    [InlineData("""[true, null, "x"]""", """{"type":"echo","received":[true,null,"x"]}""")]
    [InlineData("42", """{"type":"echo","received":42}""")]
    [InlineData("""{"type":"GREET","name":"Ada"}""", """{"type":"echo","received":{"type":"GREET","name":"Ada"}}""")]
    public async Task Each_request_gets_its_reply(string request, string reply)
    {
        await using var client = await ConnectAsync();

        await client.SendTextAsync(request);

        (await client.ReceiveTextAsync()).Should().Be(reply);
    }

    [Theory]
    [InlineData("""{"type":"greet"}""", "greet needs \\\"name\\\" (a string)")]
    [InlineData("""{"type":"greet","name":7}""", "greet needs \\\"name\\\" (a string)")]
    [InlineData("""{"type":"add","numbers":[1,"2"]}""", "add needs \\\"numbers\\\" (an array of numbers)")]
    [InlineData("""{"type":"add"}""", "add needs \\\"numbers\\\" (an array of numbers)")]
    [InlineData("""{"type":"add","numbers":[79228162514264337593543950335,1]}""", "add: the sum is too large")]
    [InlineData("""{"type":"burst","count":0}""", "burst needs \\\"count\\\" (an integer from 1 to 10000)")]
    [InlineData("""{"type":"burst","count":10001}""", "burst needs \\\"count\\\" (an integer from 1 to 10000)")]
    [InlineData("""{"type":"burst","count":2.5}""", "burst needs \\\"count\\\" (an integer from 1 to 10000)")]
    [InlineData("""{"type":"delay","ms":-1,"text":"late"}""", "delay needs \\\"ms\\\" (an integer from 0 to 10000) and \\\"text\\\" (a string)")]
    [InlineData("""{"type":"delay","ms":10001,"text":"late"}""", "delay needs \\\"ms\\\" (an integer from 0 to 10000) and \\\"text\\\" (a string)")]
    [InlineData("""{"type":"delay","ms":10}""", "delay needs \\\"ms\\\" (an integer from 0 to 10000) and \\\"text\\\" (a string)")]
    [InlineData("""{"type":"close","code":1001}""", "close needs \\\"code\\\" (1000, or an integer from 3000 to 4999)")]
    [InlineData("""{"type":"close","code":2999}""", "close needs \\\"code\\\" (1000, or an integer from 3000 to 4999)")]
    [InlineData("""{"type":"close","code":5000}""", "close needs \\\"code\\\" (1000, or an integer from 3000 to 4999)")]
    [InlineData("""{"type":"close"}""", "close needs \\\"code\\\" (1000, or an integer from 3000 to 4999)")]
    [InlineData("""{"type":"close","code":4000,"reason":1}""", "close takes \\\"reason\\\" as a string of at most 123 UTF-8 bytes")]
    [InlineData("nope", "invalid JSON: 'nope' is an invalid JSON literal. Expected the literal 'null'. LineNumber: 0 | BytePositionInLine: 1.")]
    [InlineData("""{"type":"greet",}""", "invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options. LineNumber: 0 | BytePositionInLine: 16.")]
    public async Task A_bad_request_gets_an_error_and_the_connection_stays_open(string request, string error)
    {
        await using var client = await ConnectAsync();

        await client.SendTextAsync(request);
        (await client.ReceiveTextAsync()).Should().Be($$"""{"type":"error","error":"{{error}}"}""");
        await client.SendTextAsync("""{"type":"greet","name":"still here"}""");

        (await client.ReceiveTextAsync()).Should().Be("""{"type":"greeting","text":"Hello, still here!","to":{"name":"still here"}}""");
    }

    [Fact]
    public async Task A_binary_message_gets_an_error()
    {
        await using var client = await ConnectAsync();

        await client.SendAsync("{}"u8.ToArray(), WebSocketMessageType.Binary);

        (await client.ReceiveAsync()).Should().BeEquivalentTo(new Received(
            WebSocketMessageType.Text, """{"type":"error","error":"binary messages are not supported on /json"}"""u8.ToArray()));
    }

    [Fact]
    public async Task Burst_sends_count_ticks_in_order()
    {
        await using var client = await ConnectAsync();

        await client.SendTextAsync("""{"type":"burst","count":3}""");
        await client.SendTextAsync("""{"type":"burst","count":10000}""");

        (await ReceiveTextsAsync(client, 3)).Should().Equal(
            """{"type":"tick","seq":1}""", """{"type":"tick","seq":2}""", """{"type":"tick","seq":3}""");
        (await ReceiveTextsAsync(client, 10_000)).Should().Equal(Enumerable.Range(1, 10_000).Select(seq => $$"""{"type":"tick","seq":{{seq}}}"""));
    }

    [Fact]
    public async Task Delay_replies_after_the_delay_and_the_connection_answers_meanwhile()
    {
        await using var client = await ConnectAsync();

        // The longest delay there is, so that "meanwhile" holds however slowly the machine answers.
        await client.SendTextAsync("""{"type":"delay","ms":10000,"text":"much later"}""");
        await client.SendTextAsync("""{"type":"delay","ms":0,"text":"at once"}""");
        (await client.ReceiveTextAsync()).Should().Be("""{"type":"delayed","text":"at once"}""", "the pending delay must not hold up the next request");

        var clock = Stopwatch.StartNew();
        await client.SendTextAsync("""{"type":"delay","ms":200,"text":"late"}""");
        (await client.ReceiveTextAsync()).Should().Be("""{"type":"delayed","text":"late"}""");
        // A little under 200 ms: timers run on a millisecond tick that can be just short of the stopwatch.
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(195));
    }

    [Fact]
    public async Task A_pending_delay_does_not_hold_up_the_client_closing()
    {
        await using var client = await ConnectAsync();
        await client.SendTextAsync("""{"type":"delay","ms":10000,"text":"too late"}""");

        var closing = client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", TestContext.Current.CancellationToken);

        // Under the 10 s of the delay, or the test could not tell answering from waiting it out.
        (await Task.WhenAny(closing, Task.Delay(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken))).Should()
            .BeSameAs(closing, "the server must answer the close while a 10 s delay is pending");
        client.Socket.CloseStatus.Should().Be(WebSocketCloseStatus.NormalClosure);
    }

    [Theory]
    [InlineData("""{"type":"close","code":4001,"reason":"bye"}""", 4001, "bye")]
    [InlineData("""{"type":"close","code":1000}""", 1000, "")]
    [InlineData("""{"type":"close","code":3000,"reason":"x"}""", 3000, "x")]
    public async Task Close_closes_with_the_code_and_reason(string request, int code, string reason)
    {
        await using var client = await ConnectAsync();

        await client.SendTextAsync(request);

        (await client.ReceiveAsync()).Should().BeEquivalentTo(new Received(WebSocketMessageType.Close, [], (WebSocketCloseStatus)code, reason));
    }

    [Fact]
    public async Task Close_comes_after_the_replies_before_it()
    {
        await using var client = await ConnectAsync();

        await client.SendTextAsync("""{"type":"burst","count":2}""");
        await client.SendTextAsync("""{"type":"close","code":4002,"reason":"done"}""");

        (await ReceiveTextsAsync(client, 2)).Should().Equal("""{"type":"tick","seq":1}""", """{"type":"tick","seq":2}""");
        (await client.ReceiveAsync()).CloseStatus.Should().Be((WebSocketCloseStatus)4002);
    }

    [Fact]
    public async Task Abort_ends_the_connection_without_a_close_frame_after_the_replies_before_it()
    {
        // Ten at once: a TCP reset instead of a normal close loses unread replies only sometimes.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => BurstThenAbortAsync()));

        async Task BurstThenAbortAsync()
        {
            await using var client = await ConnectAsync();

            await client.SendTextAsync("""{"type":"burst","count":200}""");
            await client.SendTextAsync("""{"type":"abort"}""");

            (await ReceiveTextsAsync(client, 200)).Should().HaveCount(200).And.EndWith("""{"type":"tick","seq":200}""");
            var end = await FluentActions.Awaiting(client.ReceiveAsync).Should().ThrowAsync<WebSocketException>();
            end.Which.WebSocketErrorCode.Should().Be(WebSocketError.ConnectionClosedPrematurely);
            client.Socket.CloseStatus.Should().BeNull();
        }
    }

    [Theory]
    [InlineData(new[] { "bddws.json" }, "bddws.json")]
    [InlineData(new[] { "chat", "bddws.json" }, "bddws.json")]
    [InlineData(new[] { "chat", "other" }, null)]
    [InlineData(new[] { "BDDWS.JSON" }, null)]
    [InlineData(new string[0], null)]
    public async Task The_subprotocol_is_selected_only_when_offered(string[] offered, string? selected)
    {
        await using var client = await TestClient.ConnectAsync(server.WebSocket("/json"), options =>
        {
            foreach (var subProtocol in offered)
            {
                options.AddSubProtocol(subProtocol);
            }
        });

        client.Socket.SubProtocol.Should().Be(selected);
        client.Socket.HttpResponseHeaders!.ContainsKey("Sec-WebSocket-Protocol").Should().Be(selected is not null);
        await client.SendTextAsync("1");
        (await client.ReceiveTextAsync()).Should().Be("""{"type":"echo","received":1}""");
    }

    [Fact]
    public async Task Plain_http_is_refused_with_400()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Http, "/json"), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).Should().Be(400);
    }

    private Task<TestClient> ConnectAsync() => TestClient.ConnectAsync(server.WebSocket("/json"));

    private static async Task<List<string>> ReceiveTextsAsync(TestClient client, int count)
    {
        var texts = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            texts.Add(await client.ReceiveTextAsync());
        }

        return texts;
    }
}
