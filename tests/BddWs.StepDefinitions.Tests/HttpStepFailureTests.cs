using System.Net;
using System.Net.Sockets;
using BddWs.Testing;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Reqnroll;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>The HTTP checks in front of a server that answers wrongly, and requests that get no answer.</summary>
public sealed class HttpStepFailureTests
{
    private static readonly HttpMethod Get = HttpMethod.Get;

    [Fact]
    [Fails(typeof(HttpSteps), nameof(HttpSteps.Status))]
    public async Task The_status_fails_on_another_status_naming_the_request_and_the_answer()
    {
        await using var server = await HttpFake.AnsweringAsync(400, "{ \"error\": \"item missing\" }");
        await using var steps = await ForHttpAsync(server.Url);

        FailureOf(() => steps.HttpSteps.Status(201)).Should().Be(
            "Expected a response with status 201, but no HTTP request has been sent in this scenario; send one with a \"send a GET request\" step first.");
        await steps.HttpSteps.SendJson(HttpMethod.Post, "/api/orders", default, "{ \"item\": \"book\" }");

        FailureOf(() => steps.HttpSteps.Status(201)).Should().Be(
            $"Expected POST {server.Url}api/orders to answer with status 201, but it answered 400 Bad Request: {{\"error\":\"item missing\"}}.");
    }

    [Fact]
    public async Task An_empty_answer_says_so()
    {
        await using var server = await HttpFake.AnsweringAsync(404);
        await using var steps = await ForHttpAsync(server.Url);
        await steps.HttpSteps.Send(HttpMethod.Delete, "/api/orders/42");

        FailureOf(() => steps.HttpSteps.Status(204)).Should().Be(
            $"Expected DELETE {server.Url}api/orders/42 to answer with status 204, but it answered 404 Not Found with an empty body.");
    }

    [Fact]
    [Fails(typeof(HttpSteps), nameof(HttpSteps.HeaderIs))]
    [Fails(typeof(HttpSteps), nameof(HttpSteps.HeaderContains))]
    public async Task A_header_fails_on_another_value_or_when_missing_and_never_shows_a_secret_one()
    {
        await using var server = await HttpFake.AnsweringAsync(200, "hello", "text/plain", ("Set-Cookie", "session=s3cr3t"));
        await using var steps = await ForHttpAsync(server.Url);
        await steps.HttpSteps.Send(Get, "/hello");
        var request = $"GET {server.Url}hello";

        FailureOf(() => steps.HttpSteps.HeaderIs("Content-Type", "application/json")).Should().Be(
            $"Expected the response to {request} to have the header \"Content-Type\" with value \"application/json\", but it is \"text/plain\".");
        FailureOf(() => steps.HttpSteps.HeaderContains("content-type", "json")).Should().Be(
            $"Expected the response to {request} to have the header \"content-type\" containing \"json\", but it is \"text/plain\".");
        FailureOf(() => steps.HttpSteps.HeaderIs("Location", "/orders/1")).Should().Be(
            $"Expected the response to {request} to have the header \"Location\" with value \"/orders/1\", but it has no such header; " +
            "it has: Content-Type, Date, Server, Set-Cookie, Transfer-Encoding.");
        FailureOf(() => steps.HttpSteps.HeaderContains("Set-Cookie", "other=")).Should().Be(
            $"Expected the response to {request} to have the header \"Set-Cookie\" containing \"other=\", but it is ***.");
    }

    [Fact]
    [Fails(typeof(HttpSteps), nameof(HttpSteps.BodyContains))]
    public async Task The_body_fails_when_it_lacks_the_text()
    {
        await using var server = await HttpFake.AnsweringAsync(500, "Something broke", "text/plain");
        await using var steps = await ForHttpAsync(server.Url);
        await steps.HttpSteps.SendText(HttpMethod.Put, "/api/notes/7", default, "milk");

        FailureOf(() => steps.HttpSteps.BodyContains("saved")).Should().Be(
            $"Expected the response to PUT {server.Url}api/notes/7 to contain \"saved\", but it answered 500 Internal Server Error: \"Something broke\".");
    }

    [Fact]
    [Fails(typeof(HttpSteps), nameof(HttpSteps.JsonIs))]
    public async Task A_json_value_fails_on_another_value_a_missing_path_or_no_json_and_masks_secret_fields()
    {
        await using var server = await HttpFake.StartAsync(context => context.Request.Path == "/html"
            ? context.Response.WriteAsync("<html>hi</html>")
            : context.Response.WriteAsJsonAsync(new { status = "pending", count = 3, token = "abc123" }));
        await using var steps = await ForHttpAsync(server.Url);
        await steps.HttpSteps.Send(Get, "/api/orders/42");
        var shown = "(200 OK: {\"status\":\"pending\",\"count\":3,\"token\":\"***\"})";
        var expected = $"Expected the response to GET {server.Url}api/orders/42 to be JSON where";

        FailureOf(() => steps.HttpSteps.JsonIs("$.status", "created")).Should().Be($"{expected} $.status is \"created\", but $.status is \"pending\" {shown}.");
        FailureOf(() => steps.HttpSteps.JsonIs("$.count", "4")).Should().Be($"{expected} $.count is \"4\", but $.count is 3 {shown}.");
        FailureOf(() => steps.HttpSteps.JsonIs("$.id", "o-1")).Should().Be($"{expected} $.id is \"o-1\", but it has no $.id {shown}.");
        FailureOf(() => steps.HttpSteps.JsonIs("$.token", "xyz")).Should().Be($"{expected} $.token is \"xyz\", but $.token is *** {shown}.");
        FailureOf(() => steps.HttpSteps.JsonIs("$..x", "1")).Should().Be("\"$..x\" is not a JSON path; write it like $.user.name, $.items[0].id or $['a key'].");

        await steps.HttpSteps.Send(Get, "/html");
        FailureOf(() => steps.HttpSteps.JsonIs("$.status", "ok")).Should().Be(
            $"Expected the response to GET {server.Url}html to be JSON where $.status is \"ok\", but it is not JSON (200 OK: \"<html>hi</html>\").");
    }

    [Fact]
    [Fails(typeof(HttpSteps), nameof(HttpSteps.JsonTable))]
    public async Task A_json_table_names_every_row_that_differs()
    {
        await using var server = await HttpFake.AnsweringAsync(201, "{\"id\":\"o-1\",\"status\":\"pending\",\"debug\":true}");
        await using var steps = await ForHttpAsync(server.Url);
        await steps.HttpSteps.Send(HttpMethod.Post, "/api/orders");
        var table = new DataTable("path", "value");
        table.AddRow("$.id", "o-1");
        table.AddRow("$.status", "created");
        table.AddRow("$.debug", "(missing)");

        FailureOf(() => steps.HttpSteps.JsonTable(table)).Should().Be(
            $"Expected the response to POST {server.Url}api/orders to be JSON where $.id is \"o-1\" and $.status is \"created\" and $.debug is (missing), " +
            "but $.status is \"pending\", and $.debug is true (201 Created: {\"id\":\"o-1\",\"status\":\"pending\",\"debug\":true}).");
        FailureOf(() => steps.HttpSteps.JsonTable(new DataTable("path", "expected"))).Should().Be(
            "The table needs the columns \"path\" and \"value\"; it has: path, expected.");
    }

    [Fact]
    public async Task A_request_nothing_listens_to_fails_in_one_line_naming_the_url()
    {
        var closed = ClosedPort();
        await using var steps = await ForHttpAsync(new Uri($"http://127.0.0.1:{closed}"));

        (await FailureOf(() => steps.HttpSteps.Send(Get, "/health"))).Should().Be(
            $"GET http://127.0.0.1:{closed}/health failed: nothing listens there (connection refused).");
        FailureOf(() => steps.HttpSteps.Status(200)).Should().Be(
            $"Expected a response with status 200, but GET http://127.0.0.1:{closed}/health got no answer (nothing listens there (connection refused)).");
    }

    [Fact]
    public async Task A_request_without_an_answer_fails_after_the_step_timeout()
    {
        await using var server = await HttpFake.NeverAnsweringAsync();
        await using var steps = await ForHttpAsync(server.Url, requestTimeout: TimeSpan.FromMilliseconds(300));

        (await FailureOf(() => steps.HttpSteps.Send(Get, "/slow"))).Should().Be($"GET {server.Url}slow failed: no answer within 300 ms.");
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_sent()
    {
        await using var server = await HttpFake.AnsweringAsync(200);
        await using var steps = await ForHttpAsync(server.Url);

        (await FailureOf(() => steps.HttpSteps.SendJson(HttpMethod.Post, "/api/orders", default, "{ \"item\": book }"))).Should().Be(
            "The JSON to send is not valid: 'b' is an invalid start of a value, at line 1, character 11.");
        (await FailureOf(() => steps.HttpSteps.Send(Get, "api/orders"))).Should().Be(
            "\"api/orders\" is neither a path on the server under test (such as /api/orders) nor an http:// or https:// URL.");
        FailureOf(() => steps.HttpSteps.Header("X Trace", "1")).Should().Be(
            "\"X Trace\" cannot be an HTTP header name: use letters, digits and - (as in \"X-Request-Id\").");
        server.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Headers_are_sent_with_every_later_request_until_set_again()
    {
        await using var server = await HttpFake.AnsweringAsync(200);
        await using var steps = await ForHttpAsync(server.Url);
        steps.HttpSteps.Header("Authorization", "Bearer one");
        await steps.HttpSteps.Send(Get, "/a");
        await steps.HttpSteps.SendText(HttpMethod.Post, "/b", default, "text");
        steps.HttpSteps.Header("authorization", "Bearer two");
        steps.HttpSteps.Header("Content-Type", "text/csv");
        await steps.HttpSteps.SendText(HttpMethod.Post, "/c", default, "a,b");

        server.Received.Select(r => r.Headers["Authorization"]).Should().Equal("Bearer one", "Bearer one", "Bearer two");
        server.Received[1].Headers["Content-Type"].Should().Be("text/plain; charset=utf-8");
        server.Received[2].Headers["Content-Type"].Should().Be("text/csv");
        server.Received[2].Body.Should().Be("a,b");
    }

    [Fact]
    public async Task Json_is_sent_compact_as_application_json_to_an_absolute_url_as_well()
    {
        await using var server = await HttpFake.AnsweringAsync(201);
        await using var steps = await ForHttpAsync(new Uri("http://127.0.0.1:9/unused"));

        await steps.HttpSteps.SendJson(HttpMethod.Patch, $"{server.Url}api/orders/42", default, "{\n  \"status\": \"paid\"\n}");

        server.Received.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Method = "PATCH",
            PathAndQuery = "/api/orders/42",
            Body = "{\"status\":\"paid\"}",
        });
        server.Received[0].Headers["Content-Type"].Should().Be("application/json; charset=utf-8");
    }

    /// <summary>A loopback port nothing listens on: one the system just gave out and took back.</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
