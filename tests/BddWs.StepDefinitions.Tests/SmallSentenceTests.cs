using System.Net.WebSockets;
using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>
/// Remembered values compared, a close reason by a part of it, a header for every connection, and HTTP
/// bodies from a file or of a size: each passes where it should and fails with its message.
/// </summary>
public sealed class SmallSentenceTests
{
    [Fact]
    [Fails(typeof(ComparingSteps), nameof(ComparingSteps.Differs))]
    public async Task Two_values_that_must_differ_fail_when_they_are_the_same()
    {
        await using var steps = await ConnectedAsync(_ => []);
        steps.Values.Remember("first", "c-1");
        steps.Values.Remember("token", "s3cret", secret: true);

        steps.Comparing.Differs("c-2", "c-1");
        FailureOf(() => steps.Comparing.Differs("c-1", "c-1")).Should().Be("Expected \"c-1\" to differ from \"c-1\", but they are the same.");
        FailureOf(() => steps.Comparing.Differs("s3cret", "s3cret")).Should().Be("Expected \"***\" to differ from \"***\", but they are the same.");
    }

    [Fact]
    [Fails(typeof(ComparingSteps), nameof(ComparingSteps.Later))]
    [Fails(typeof(ComparingSteps), nameof(ComparingSteps.Within))]
    [Fails(typeof(ComparingSteps), nameof(ComparingSteps.WithinOfNow))]
    public async Task Times_compared_say_how_far_apart_they_are()
    {
        await using var steps = await ConnectedAsync(_ => []);
        const string Early = "2026-11-26T20:30:00.000Z";
        const string Late = "2026-11-26T20:30:01.500Z";

        steps.Comparing.Later(Late, Early);
        steps.Comparing.Within(Early, TimeSpan.FromSeconds(2), Late);
        steps.Comparing.WithinOfNow(DateTime.UtcNow.ToString("O"), TimeSpan.FromMinutes(10));

        FailureOf(() => steps.Comparing.Later(Early, Late)).Should().Be(
            $"Expected the time {Early} to be later than {Late}, but it is 1.5s earlier.");
        FailureOf(() => steps.Comparing.Later(Early, Early)).Should().Be(
            $"Expected the time {Early} to be later than {Early}, but it is the same time.");
        FailureOf(() => steps.Comparing.Within(Early, TimeSpan.FromSeconds(1), Late)).Should().Be(
            $"Expected the time {Early} to be within 1s of {Late}, but it is 1.5s before it.");
        FailureOf(() => steps.Comparing.WithinOfNow("2000-01-01T00:00:00Z", TimeSpan.FromSeconds(30))).Should().StartWith(
            "Expected the time 2000-01-01T00:00:00Z to be within 30s of now, but it is ").And.EndWith(" before it.");
        FailureOf(() => steps.Comparing.Later("soon", Early)).Should().Be(
            "\"soon\" is not a time: write it as ISO 8601, like 2026-11-26T20:30:00.123Z.");
    }

    [Fact]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.ServerClosesWithReasonContaining))]
    [Fails(typeof(ClosingSteps), nameof(ClosingSteps.ServerClosesWithStatusAndReasonContaining))]
    public async Task A_close_reason_containing_a_text_fails_on_another_reason_or_status()
    {
        await using var steps = await StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveTextAsync(socket);
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "idle for too long", CancellationToken.None);
        });
        await steps.Connecting.ConnectToEcho(I);
        await steps.Sending.SendText(I, "close");
        await steps.ClosedAsync(I);

        await steps.Closing.ServerClosesWithReasonContaining("idle");
        await steps.Closing.ServerClosesWithStatusAndReasonContaining(WebSocketCloseStatus.PolicyViolation, "too long");
        (await FailureOf(() => steps.Closing.ServerClosesWithReasonContaining("busy"))).Should().MatchRegex(
            @"^Expected the server to close the connection with a reason containing ""busy"" \(decided after \d+ ms of 300 ms\), " +
            @"but the server closed it with 1008 PolicyViolation ""idle for too long""\.$");
        (await FailureOf(() => steps.Closing.ServerClosesWithStatusAndReasonContaining(WebSocketCloseStatus.NormalClosure, "idle"))).Should().MatchRegex(
            @"^Expected the server to close the connection with 1000 NormalClosure and a reason containing ""idle"" \(decided after \d+ ms of 300 ms\), " +
            @"but the server closed it with 1008 PolicyViolation ""idle for too long""\.$");
    }

    [Fact]
    public async Task A_request_header_for_every_connection_is_sent_by_each_later_one()
    {
        await using var steps = await ConnectedAsync(_ => []);
        steps.Connecting.RequestHeaderForEvery("X-Team", "blue");
        steps.Connecting.RequestHeader("X-Once", "yes");
        await steps.Connecting.ConnectTo(new ConnectionName("Ann"), "/ws");
        await steps.Connecting.ConnectTo(new ConnectionName("Ben"), "/ws");

        steps.Connections["Ann"].DisplayHeaders.Should().Contain("X-Team", "blue").And.Contain("X-Once", "yes");
        steps.Connections["Ben"].DisplayHeaders.Should().Contain("X-Team", "blue").And.NotContainKey("X-Once");
    }

    [Fact]
    public async Task An_http_body_comes_from_a_file_or_has_a_size_and_a_header_can_be_left_out()
    {
        await using var server = await HttpFake.AnsweringAsync(200);
        await using var steps = await ForHttpAsync(server.Url);
        steps.WriteFile("payloads/order.json", "{ \"item\": \"${item}\" }");
        steps.Values.Remember("item", "book");
        steps.HttpSteps.Header("X-Request-Id", "r-1");

        await steps.HttpRequest.SendFile(HttpMethod.Post, "/api/orders", default, "payloads/order.json");
        steps.HttpRequest.WithoutHeader("X-Request-Id");
        await steps.HttpRequest.SendSized(HttpMethod.Post, "/api/orders", default, new ByteCount(2000));

        server.Received[0].Body.Should().Be("{\"item\":\"book\"}");
        server.Received[0].Headers.Should().Contain("Content-Type", "application/json; charset=utf-8").And.ContainKey("X-Request-Id");
        server.Received[1].Body.Should().Be(new string('x', 2000));
        server.Received[1].Headers.Should().NotContainKey("X-Request-Id");
        FailureOf(() => steps.HttpRequest.WithoutHeader("X-Request-Id")).Should().Be(
            "The HTTP header \"X-Request-Id\" cannot be left out: no step set it.");
    }
}
