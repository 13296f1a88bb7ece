using System.Net.WebSockets;
using BddWs.Driver;
using BddWs.Driver.Http;
using BddWs.ReqnrollPlugin.Reporting;
using BddWs.Testing;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Reporting;

/// <summary>HTTP exchanges in the report: in one timeline with the WebSocket traffic, secrets masked.</summary>
public sealed class HttpConversationTests
{
    [Fact]
    public async Task Http_and_websocket_lines_are_told_in_the_order_they_happened()
    {
        await using var server = await HttpFake.AnsweringAsync(200, "{\"status\":\"ok\"}");
        await using var steps = await ForHttpAsync(server.Url);
        var conversation = new Conversation(steps.Values);
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, "before");
        await steps.ReceivedAsync(I, 1);
        await steps.HttpSteps.Send(HttpMethod.Get, "/health");
        await steps.Sending.SendText(I, "after");
        await steps.ReceivedAsync(I, 2);

        var lines = conversation.NewLines(steps.Connections.All, steps.Http.Exchanges);

        lines.Should().HaveCount(7);
        lines[0].Should().StartWith("open ws://");
        WithoutTime(lines[1]).Should().Be("→ sent \"before\"");
        lines[2].Should().StartWith("← received \"Message text was: before\" (+");
        WithoutTime(lines[3]).Should().Be($"→ GET {server.Url}health");
        lines[4].Should().MatchRegex(@"^← 200 OK \{""status"":""ok""\} \(\+[0-9.]+ ?(ms|s)\)$");
        WithoutTime(lines[5]).Should().Be("→ sent \"after\"");
        lines[6].Should().StartWith("← received \"Message text was: after\" (+");
        conversation.NewLines(steps.Connections.All, steps.Http.Exchanges).Should().BeEmpty("each line is told once");
    }

    [Fact]
    public async Task A_push_caused_by_a_request_shows_between_the_request_and_its_answer()
    {
        var push = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        StepHarness? steps = null;
        await using var webSocket = await ScriptedServer.StartAsync(async socket =>
        {
            await push.Task;
            await ScriptedServer.SendTextAsync(socket, "{\"type\":\"order-created\"}");
            await ScriptedServer.ReceiveTextAsync(socket);
        });
        // The REST call answers only once the subscriber has the push, as a server that notifies first would.
        await using var http = await HttpFake.StartAsync(async context =>
        {
            push.SetResult();
            await steps!.Connections.Default.Log.WaitUntilAsync(events => events.ReceivedMessages().Count == 1, Patience.MustHappen);
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { id = "o-1" });
        });
        steps = await ForHttpAsync(http.Url);
        await using var _ = steps;
        await steps.Connecting.ConnectTo(I, webSocket.Url.ToString());
        var conversation = new Conversation(steps.Values);
        conversation.NewLines(steps.Connections.All, steps.Http.Exchanges);

        await steps.HttpSteps.SendJson(HttpMethod.Post, "/api/orders", default, "{\"item\":\"book\"}");
        var lines = conversation.NewLines(steps.Connections.All, steps.Http.Exchanges);

        lines.Should().HaveCount(3);
        WithoutTime(lines[0]).Should().Be($"→ POST {http.Url}api/orders {{\"item\":\"book\"}}");
        lines[1].Should().StartWith("← received \"{\"type\":\"order-created\"}\" (+");
        lines[2].Should().StartWith("← 201 Created {\"id\":\"o-1\"} (+");
    }

    [Fact]
    public async Task A_login_never_shows_its_password_its_token_or_its_cookie()
    {
        await using var server = await HttpFake.AnsweringAsync(200, "{\"token\":\"abc123\",\"user\":{\"name\":\"ada\",\"apiKey\":\"k-9\"}}", "application/json",
            ("Set-Cookie", "session=s3cr3t"), ("Location", "/home"));
        await using var steps = await ForHttpAsync(server.Url);
        var conversation = new Conversation(steps.Values);
        steps.HttpSteps.Header("Authorization", "Basic YWRhOmh1bnRlcjI=");
        steps.HttpSteps.Header("X-Trace", "t-1");

        await steps.HttpSteps.SendJson(HttpMethod.Post, "/login?access_token=q1", default, "{\"user\":\"ada\",\"password\":\"hunter2\"}");
        steps.HttpSteps.RememberJson("$.token", "token");
        steps.HttpSteps.Header("X-Echo", "abc123");
        steps.HttpSteps.Header("Content-Type", "application/x-www-form-urlencoded");
        await steps.HttpSteps.SendText(HttpMethod.Post, "/form", default, "user=ada&password=hunter2");
        var lines = conversation.NewLines(steps.Connections.All, steps.Http.Exchanges);

        lines.Should().HaveCount(4);
        WithoutTime(lines[0]).Should().Be($"→ POST {server.Url}login?access_token=*** (Authorization: ***, X-Trace: t-1) {{\"user\":\"ada\",\"password\":\"***\"}}");
        lines[1].Should().StartWith("← 200 OK (Location: /home, Set-Cookie: ***) {\"token\":\"***\",\"user\":{\"name\":\"ada\",\"apiKey\":\"***\"}} (+");
        WithoutTime(lines[2]).Should().Be($"→ POST {server.Url}form (Authorization: ***, X-Trace: t-1, X-Echo: ***, Content-Type: application/x-www-form-urlencoded) user=ada&password=***");
        string.Join("\n", lines).Should().NotContainAny("hunter2", "abc123", "s3cr3t", "k-9", "YWRh", "q1");
    }

    [Fact]
    public async Task Long_bodies_are_shortened_and_text_is_quoted_like_a_message()
    {
        var items = string.Join(",", Enumerable.Range(1, 100).Select(n => $"{{\"n\":{n}}}"));
        await using var server = await HttpFake.AnsweringAsync(200, $"[{items}]");
        await using var steps = await ForHttpAsync(server.Url);
        var conversation = new Conversation(steps.Values);

        await steps.HttpSteps.SendText(HttpMethod.Post, "/notes", default, "42\nend ");
        var lines = conversation.NewLines([], steps.Http.Exchanges);

        WithoutTime(lines[0]).Should().Be($"→ POST {server.Url}notes \"42\\nend␠\"");
        lines[1].Should().MatchRegex(@"^← 200 OK \[\{""n"":1\},.{180,}… \(\d+ characters\) \(\+[0-9.]+ ?(ms|s)\)$");
    }

    [Fact]
    public async Task A_request_without_an_answer_is_told_with_why()
    {
        var closed = HttpStepFailureTests.ClosedPort();
        await using var steps = await ForHttpAsync(new Uri($"http://127.0.0.1:{closed}"));
        var conversation = new Conversation(steps.Values);

        await FluentActions.Awaiting(() => steps.HttpSteps.Send(HttpMethod.Get, "/health")).Should().ThrowAsync<Exception>();

        conversation.NewLines([], steps.Http.Exchanges).Should().SatisfyRespectively(
            request => WithoutTime(request).Should().Be($"→ GET http://127.0.0.1:{closed}/health"),
            answer => answer.Should().MatchRegex(@"^← failed: nothing listens there \(connection refused\) \(\+[0-9.]+ ?(ms|s)\)$"));
    }

    [Fact]
    public async Task Every_line_tells_its_time_from_the_start_of_the_scenario_http_and_websocket_alike()
    {
        await using var server = await HttpFake.AnsweringAsync(200, "{\"status\":\"ok\"}");
        await using var steps = await ForHttpAsync(server.Url);
        var conversation = new Conversation(steps.Values);
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, "before");
        await steps.ReceivedAsync(I, 1);
        await steps.HttpSteps.Send(HttpMethod.Get, "/health");

        var lines = conversation.NewLines(steps.Connections.All, steps.Http.Exchanges);

        var log = steps.Connections.Default.Log;
        var events = log.Snapshot();
        var exchange = steps.Http.Exchanges.Single();
        string Since(TimeSpan at) => $" (+{Format.Elapsed(at - conversation.Began)})";
        lines.Should().Equal(
            "open " + steps.Connections.Default.DisplayUrl + Since(log.Began + events[0].At),
            "→ sent \"before\"" + Since(log.Began + events[1].At),
            "← received \"Message text was: before\"" + Since(log.Began + events[2].At),
            $"→ GET {server.Url}health" + Since(exchange.Sent),
            "← 200 OK {\"status\":\"ok\"}" + Since(exchange.Ended));
    }

    [Fact]
    public async Task A_step_tells_what_was_recorded_until_it_ended_and_what_came_later_waits_for_the_next_step()
    {
        await using var server = await HttpFake.AnsweringAsync(200, "{\"status\":\"ok\"}");
        await using var steps = await ForHttpAsync(server.Url);
        var conversation = new Conversation(steps.Values);
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, "during");
        await steps.ReceivedAsync(I, 1);
        var stepEnded = Timeline.Now;
        await steps.HttpSteps.Send(HttpMethod.Get, "/health");
        await steps.Sending.SendText(I, "after");
        await steps.ReceivedAsync(I, 2);

        var first = conversation.NewParts(steps.Connections.All, steps.Http.Exchanges, until: stepEnded).Select(l => WithoutTime(l.Line));
        var next = conversation.NewParts(steps.Connections.All, steps.Http.Exchanges).Select(l => WithoutTime(l.Line));

        first.Should().Equal("open " + steps.Connections.Default.DisplayUrl, "→ sent \"during\"", "← received \"Message text was: during\"");
        next.Should().Equal($"→ GET {server.Url}health", "← 200 OK {\"status\":\"ok\"}", "→ sent \"after\"", "← received \"Message text was: after\"");
    }

    [Fact]
    public async Task A_shortened_message_or_body_keeps_its_whole_text_with_its_secrets_masked()
    {
        var long_ = new string('x', 300);
        await using var server = await HttpFake.AnsweringAsync(200, $"{{\"token\":\"abc123\",\"note\":\"{long_}\"}}");
        await using var steps = await ForHttpAsync(server.Url);
        var conversation = new Conversation(steps.Values);
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, long_);
        await steps.ReceivedAsync(I, 1);
        await steps.HttpSteps.Send(HttpMethod.Get, "/login");

        var told = conversation.NewParts(steps.Connections.All, steps.Http.Exchanges);

        told.Select(l => l.Whole).Should().Equal(
            null,
            long_,
            "Message text was: " + long_,
            null,
            $"{{\"token\":\"***\",\"note\":\"{long_}\"}}");
        told[1].Line.Should().Contain("… (300 characters)");
    }

    /// <summary>A line without its time, which counts from the start of the scenario.</summary>
    private static string WithoutTime(string line) => System.Text.RegularExpressions.Regex.Replace(line, @" \(\+[0-9.]+ ?(ms|s)\)$", "");
}
