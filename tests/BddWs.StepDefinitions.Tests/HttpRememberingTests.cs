using BddWs.Testing;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>Values remembered from the last HTTP response: the status, a header, a JSON path; secrets kept secret.</summary>
public sealed class HttpRememberingTests
{
    [Fact]
    public async Task The_status_a_header_and_a_json_value_are_remembered_and_credentials_are_secret()
    {
        await using var server = await HttpFake.StartAsync(context =>
        {
            context.Response.StatusCode = 201;
            context.Response.Headers.Location = "/api/orders/o-1";
            context.Response.Headers.SetCookie = "session=s3cr3t";
            return context.Response.WriteAsJsonAsync(new { id = "o-1", total = 12.5, token = "abc123" });
        });
        await using var steps = await ForHttpAsync(server.Url);
        await steps.HttpSteps.Send(HttpMethod.Post, "/api/orders");

        steps.HttpSteps.RememberStatus("status");
        steps.HttpSteps.RememberHeader("location", "orderUrl");
        steps.HttpSteps.RememberHeader("Set-Cookie", "cookie");
        steps.HttpSteps.RememberJson("$.id", "orderId");
        steps.HttpSteps.RememberJson("$.total", "total");
        steps.HttpSteps.RememberJson("$.token", "bearer");

        steps.Values.Expand("${status} ${orderUrl} ${orderId} ${total} ${cookie} ${bearer}").Should().Be("201 /api/orders/o-1 o-1 12.5 session=s3cr3t abc123");
        steps.Values.Mask("o-1 session=s3cr3t abc123").Should().Be("o-1 *** ***", "a cookie and a token are secrets, an order id is not");
    }

    [Fact]
    public async Task Nothing_to_remember_says_why()
    {
        await using var server = await HttpFake.StartAsync(context => context.Request.Path == "/text"
            ? context.Response.WriteAsync("plain")
            : context.Response.WriteAsJsonAsync(new { id = "o-1" }));
        await using var steps = await ForHttpAsync(server.Url);

        FailureOf(() => steps.HttpSteps.RememberStatus("status")).Should().Be(
            "Nothing to remember as ${status}: no HTTP request has been sent in this scenario.");
        await steps.HttpSteps.Send(HttpMethod.Get, "/json");
        FailureOf(() => steps.HttpSteps.RememberJson("$.token", "token")).Should().Be(
            $"Nothing to remember as ${{token}}: the response to GET {server.Url}json has no $.token: {{\"id\":\"o-1\"}}.");
        FailureOf(() => steps.HttpSteps.RememberHeader("Location", "orderUrl")).Should().Be(
            $"Nothing to remember as ${{orderUrl}}: the response to GET {server.Url}json has no header \"Location\"; it had: Content-Type, Date, Server, Transfer-Encoding.");
        await steps.HttpSteps.Send(HttpMethod.Get, "/text");
        FailureOf(() => steps.HttpSteps.RememberJson("$.id", "orderId")).Should().Be(
            $"Nothing to remember as ${{orderId}}: the response to GET {server.Url}text is not JSON: \"plain\".");
    }
}
