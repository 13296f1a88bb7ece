using System.Globalization;
using System.Text.Json;
using BddWs.Testing;
using FluentAssertions;
using Xunit;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary><c>/api/orders</c>: create (201 and Location), show, cancel, each behind a token; bad input named.</summary>
public sealed class OrdersApiTests(BundledServer server) : IClassFixture<BundledServer>, IDisposable
{
    private readonly OrdersHttp _http = new(server);

    [Fact]
    public async Task Creating_an_order_answers_201_with_its_location_and_document()
    {
        var token = await _http.LogInAsync();
        var before = DateTime.UtcNow;

        var answer = await _http.PostAsync("/api/orders", """{"item":"book","quantity":2}""", token);

        var after = DateTime.UtcNow;
        answer.Status.Should().Be(201);
        answer.ContentType.Should().Be("application/json");
        using var json = JsonDocument.Parse(answer.Body);
        var id = json.RootElement.GetProperty("id").GetString()!;
        var createdAt = json.RootElement.GetProperty("createdAt").GetString()!;
        id.Should().MatchRegex("^[A-Za-z0-9_-]{16}$");
        answer.Location.Should().Be($"/api/orders/{id}");
        answer.Body.Should().Be($$"""{"id":"{{id}}","item":"book","quantity":2,"status":"created","createdAt":"{{createdAt}}"}""");
        createdAt.Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$");
        var created = DateTime.Parse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        created.Should().BeOnOrAfter(before.AddTicks(-(before.Ticks % TimeSpan.TicksPerMillisecond))).And.BeOnOrBefore(after);
    }

    [Fact]
    public async Task An_order_is_shown_at_its_location_until_it_is_cancelled()
    {
        var token = await _http.LogInAsync();
        var created = await _http.PostAsync("/api/orders", """{"item":"Zoë's <b>pen</b>","quantity":10000}""", token);

        var shown = await _http.GetAsync(created.Location!, token);
        var cancelled = await _http.DeleteAsync(created.Location!, token);
        var gone = await _http.GetAsync(created.Location!, token);
        var cancelledAgain = await _http.DeleteAsync(created.Location!, token);

        created.Body.Should().Contain("""
            "item":"Zoë's <b>pen</b>","quantity":10000,
            """);
        shown.Should().BeEquivalentTo(new { Status = 200, created.Body });
        cancelled.Should().BeEquivalentTo(new { Status = 204, Body = "" });
        var id = created.Location!["/api/orders/".Length..];
        gone.Should().BeEquivalentTo(new { Status = 404, Body = $$"""{"error":"no order with id {{id}}"}""" });
        cancelledAgain.Should().BeEquivalentTo(new { Status = 404, Body = $$"""{"error":"no order with id {{id}}"}""" });
    }

    [Fact]
    public async Task An_unknown_order_is_404()
    {
        var token = await _http.LogInAsync();

        var answer = await _http.GetAsync("/api/orders/nope", token);

        answer.Should().BeEquivalentTo(new { Status = 404, Body = """{"error":"no order with id nope"}""" });
    }

    [Theory]
    [InlineData("POST", null)]
    [InlineData("POST", "not-a-token")]
    [InlineData("GET", null)]
    [InlineData("GET", "not-a-token")]
    [InlineData("DELETE", null)]
    [InlineData("DELETE", "not-a-token")]
    public async Task Without_a_valid_token_every_request_gets_401(string method, string? token)
    {
        var answer = method switch
        {
            "POST" => await _http.PostAsync("/api/orders", """{"item":"book","quantity":2}""", token),
            "GET" => await _http.GetAsync("/api/orders/any", token),
            _ => await _http.DeleteAsync("/api/orders/any", token),
        };

        answer.Should().BeEquivalentTo(new
        {
            Status = 401,
            Body = """{"error":"a valid bearer token is required: log in with POST /api/login"}""",
            WwwAuthenticate = "Bearer",
        });
    }

    [Theory]
    [InlineData("""{"quantity":2}""", "item must be a text of 1 to 200 characters")]
    [InlineData("""{"item":"","quantity":2}""", "item must be a text of 1 to 200 characters")]
    [InlineData("""{"item":["book"],"quantity":2}""", "item must be a text of 1 to 200 characters")]
    [InlineData("""{"item":"book"}""", "quantity must be a whole number from 1 to 10000")]
    [InlineData("""{"item":"book","quantity":0}""", "quantity must be a whole number from 1 to 10000")]
    [InlineData("""{"item":"book","quantity":-1}""", "quantity must be a whole number from 1 to 10000")]
    [InlineData("""{"item":"book","quantity":"2"}""", "quantity must be a whole number from 1 to 10000")]
    [InlineData("""{"item":"book","quantity":2.5}""", "quantity must be a whole number from 1 to 10000")]
    [InlineData("""{"item":"book","quantity":10001}""", "quantity must be a whole number from 1 to 10000")]
    [InlineData("""{"item":"book","quantity":2""", "the body is not valid JSON (line 1, character 28)")]
    [InlineData("""[{"item":"book","quantity":2}]""", "the body must be a JSON object")]
    public async Task A_bad_order_gets_400_naming_the_field(string body, string error)
    {
        var token = await _http.LogInAsync();

        var answer = await _http.PostAsync("/api/orders", body, token);

        answer.Should().BeEquivalentTo(new { Status = 400, Body = JsonSerializer.Serialize(new { error }) });
    }

    [Fact]
    public async Task An_item_of_200_characters_is_accepted()
    {
        var token = await _http.LogInAsync();

        var answer = await _http.PostAsync("/api/orders", $$"""{"item":"{{new string('x', 200)}}","quantity":1}""", token);

        answer.Status.Should().Be(201);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        await using var brief = await BundledServer.StartAsync("--Orders:TokenLifetime=00:00:01");
        using var http = new OrdersHttp(brief);
        var token = await http.LogInAsync();
        (await http.GetAsync("/api/orders/any", token)).Status.Should().Be(404, "the token is still valid");

        (await Eventually.HoldsAsync(async () => (await http.GetAsync("/api/orders/any", token)).Status == 401))
            .Should().BeTrue("a token is valid for Orders:TokenLifetime only");
    }

    public void Dispose() => _http.Dispose();
}
