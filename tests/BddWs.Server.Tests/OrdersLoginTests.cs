using System.Text.Json;
using BddWs.Testing;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary><c>POST /api/login</c>: a fresh random token for the right password, 401 for a wrong one, 400 for a bad body.</summary>
public sealed class OrdersLoginTests(BundledServer server) : IClassFixture<BundledServer>
{
    [Fact]
    public async Task The_right_password_gets_a_token_for_the_user()
    {
        using var http = new OrdersHttp(server);

        var answer = await http.PostAsync("/api/login", """{"user":"ada","password":"open-sesame"}""");

        answer.Status.Should().Be(200);
        answer.ContentType.Should().Be("application/json");
        using var json = JsonDocument.Parse(answer.Body);
        var token = json.RootElement.GetProperty("token").GetString();
        token.Should().MatchRegex("^[A-Za-z0-9_-]{43}$", "32 random bytes, URL-safe");
        answer.Body.Should().Be($$"""{"token":"{{token}}","user":"ada","expiresIn":3600}""");
    }

    [Fact]
    public async Task Every_login_gets_its_own_token()
    {
        using var http = new OrdersHttp(server);

        var first = await http.LogInAsync("ada");
        var second = await http.LogInAsync("ada");

        second.Should().NotBe(first);
    }

    [Theory]
    [InlineData("""{"user":"ada","password":"open-sesamE"}""")]
    [InlineData("""{"user":"ada","password":""}""")]
    [InlineData("""{"user":"bob","password":"let-me-in"}""")]
    public async Task A_wrong_password_gets_401(string body)
    {
        using var http = new OrdersHttp(server);

        var answer = await http.PostAsync("/api/login", body);

        answer.Should().BeEquivalentTo(new { Status = 401, Body = """{"error":"invalid credentials"}""" });
    }

    [Theory]
    [InlineData("", "the body must be a JSON object, and it is empty")]
    [InlineData("nope", "the body is not valid JSON (line 1, character 2)")]
    [InlineData("{\n  \"user\": \"ada\",\n  \"password\": open\n}", "the body is not valid JSON (line 3, character 15)")]
    [InlineData("{\"user\":\"Zoë\",\"password\":open}", "the body is not valid JSON (line 1, character 26)")]
    [InlineData("""["ada","open-sesame"]""", "the body must be a JSON object")]
    [InlineData("""{"password":"open-sesame"}""", "user must be a text of 1 to 100 characters")]
    [InlineData("""{"user":"","password":"open-sesame"}""", "user must be a text of 1 to 100 characters")]
    [InlineData("""{"user":7,"password":"open-sesame"}""", "user must be a text of 1 to 100 characters")]
    [InlineData("""{"user":"ada"}""", "password must be a text")]
    [InlineData("""{"user":"ada","password":null}""", "password must be a text")]
    public async Task A_bad_body_gets_400_saying_what_is_wrong(string body, string error)
    {
        using var http = new OrdersHttp(server);

        var answer = await http.PostAsync("/api/login", body);

        answer.Should().BeEquivalentTo(new { Status = 400, Body = JsonSerializer.Serialize(new { error }) });
    }

    [Fact]
    public async Task A_body_over_the_message_limit_gets_413()
    {
        await using var small = await BundledServer.StartAsync("--Limits:MaxMessageBytes=64");
        using var http = new OrdersHttp(small);

        var answer = await http.PostAsync("/api/login", $$"""{"user":"{{new string('a', 60)}}","password":"open-sesame"}""");

        answer.Should().BeEquivalentTo(new { Status = 413, Body = """{"error":"the body must be at most 64 bytes"}""" });
    }

    [Fact]
    public async Task The_password_and_the_token_lifetime_come_from_the_Orders_section()
    {
        await using var custom = await BundledServer.StartAsync("--Orders:Password=s3cret", "--Orders:TokenLifetime=00:02:00");
        using var http = new OrdersHttp(custom);

        var refused = await http.PostAsync("/api/login", """{"user":"ada","password":"open-sesame"}""");
        var accepted = await http.PostAsync("/api/login", """{"user":"ada","password":"s3cret"}""");

        refused.Status.Should().Be(401);
        accepted.Status.Should().Be(200);
        accepted.Body.Should().EndWith("""
            "user":"ada","expiresIn":120}
            """);
    }

    [Theory]
    [InlineData("--Orders:Password=", "Orders:Password must not be empty: an empty password would let anyone in.")]
    [InlineData("--Orders:TokenLifetime=00:00:00.5", "Orders:TokenLifetime must be at least 1 second.")]
    [InlineData("--Orders:HeartbeatInterval=00:00:00", "Orders:HeartbeatInterval must be longer than 0.")]
    [InlineData("--Orders:QueueLimit=0", "Orders:QueueLimit must be at least 1.")]
    public async Task A_bad_setting_stops_the_server_at_start(string setting, string message)
    {
        var start = () => BundledServer.StartAsync(setting);

        await start.Should().ThrowAsync<OptionsValidationException>().WithMessage(message);
    }
}
