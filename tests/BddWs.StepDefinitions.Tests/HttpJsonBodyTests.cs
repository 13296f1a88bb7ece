using BddWs.StepDefinitions.Tests.Helpers;
using BddWs.Testing;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>The body of an HTTP response as a whole JSON document and against a JSON Schema, in front of a server that answers wrongly.</summary>
public sealed class HttpJsonBodyTests
{
    private const string Login = "{\"access_token\":\"eyJ.abc\",\"scheme\":\"Bearer\",\"expires_in\":\"3600\"}";

    private const string Shown = "(200 OK: {\"access_token\":\"***\",\"scheme\":\"Bearer\",\"expires_in\":\"3600\"})";

    [Fact]
    [Fails(typeof(HttpSteps), nameof(HttpSteps.JsonEqualTo))]
    public async Task The_response_json_is_fails_on_a_value_of_another_kind_and_a_field_more()
    {
        await using var server = await HttpFake.AnsweringAsync(200, Login);
        await using var steps = await ForHttpAsync(server.Url);
        await steps.HttpSteps.Send(HttpMethod.Post, "/login");
        var expected = $"Expected the response to POST {server.Url}login to be";

        steps.HttpSteps.JsonEqualTo("{ \"scheme\": \"Bearer\", \"access_token\": \"(remember token)\", \"expires_in\": \"(matching ^\\\\d+$)\" }");
        steps.Values.Expand("${token}").Should().Be("eyJ.abc");
        FailureOf(() => steps.HttpSteps.JsonEqualTo("{ \"access_token\": \"(any string)\", \"scheme\": \"Bearer\", \"expires_in\": \"(any number)\" }")).Should().Be(
            $"{expected} JSON equal to {{\"access_token\":\"(any string)\",\"scheme\":\"Bearer\",\"expires_in\":\"(any number)\"}}, " +
            $"but it differs at $.expires_in: expected (any number), received \"3600\" {Shown}.");
        FailureOf(() => steps.HttpSteps.JsonEqualTo("{ \"scheme\": \"Bearer\", \"expires_in\": \"3600\" }")).Should().Be(
            $"{expected} JSON equal to {{\"scheme\":\"Bearer\",\"expires_in\":\"3600\"}}, but it differs: $.access_token was not expected, received *** {Shown}.");
        FailureOf(() => steps.HttpSteps.JsonEqualTo("{ \"a\": }")).Should().Be("The expected JSON is not valid: '}' is an invalid start of a value, at line 1, character 8.");
    }

    [Fact]
    [Fails(typeof(HttpSteps), nameof(HttpSteps.JsonContaining))]
    public async Task The_response_json_contains_fails_on_a_missing_field_or_no_json()
    {
        await using var server = await HttpFake.StartAsync(context => context.Request.Path == "/html"
            ? Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "<html>hi</html>")
            : Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Login));
        await using var steps = await ForHttpAsync(server.Url);
        await steps.HttpSteps.Send(HttpMethod.Post, "/login");

        steps.HttpSteps.JsonContaining("{ \"scheme\": \"Bearer\", \"expires_in\": \"(present)\" }");
        FailureOf(() => steps.HttpSteps.JsonContaining("{ \"scheme\": \"Bearer\", \"refresh_token\": \"(any string)\" }")).Should().Be(
            $"Expected the response to POST {server.Url}login to be JSON containing {{\"scheme\":\"Bearer\",\"refresh_token\":\"(any string)\"}}, " +
            $"but it differs: $.refresh_token is missing, expected (any string) (200 OK: {{\"access_token\":\"***\",\"scheme\":\"Bearer\",\"expires_in\":\"3600\"}}).");

        await steps.HttpSteps.Send(HttpMethod.Get, "/html");
        FailureOf(() => steps.HttpSteps.JsonContaining("{ \"scheme\": \"Bearer\" }")).Should().Be(
            $"Expected the response to GET {server.Url}html to be JSON containing {{\"scheme\":\"Bearer\"}}, but it is not JSON (200 OK: \"<html>hi</html>\").");
    }

    [Fact]
    [Fails(typeof(HttpSteps), nameof(HttpSteps.MatchesSchema))]
    public async Task The_response_schema_fails_naming_the_path_of_each_error()
    {
        await using var server = await HttpFake.AnsweringAsync(200, Login);
        await using var steps = await ForHttpAsync(server.Url);
        steps.WriteFile("schemas/login.json", "{\"type\":\"object\",\"required\":[\"access_token\",\"expires_in\"],\"properties\":{\"access_token\":{\"type\":\"string\"},\"expires_in\":{\"type\":\"integer\"}}}");
        steps.WriteFile("schemas/any.json", "{\"type\":\"object\"}");

        FailureOf(() => steps.HttpSteps.MatchesSchema("schemas/login.json")).Should().Be(
            "Expected a response with a body matching the JSON schema \"schemas/login.json\", but no HTTP request has been sent in this scenario; send one with a \"send a GET request\" step first.");
        await steps.HttpSteps.Send(HttpMethod.Post, "/login");
        steps.HttpSteps.MatchesSchema("schemas/any.json");
        FailureOf(() => steps.HttpSteps.MatchesSchema("schemas/login.json")).Should().Be(
            $"Expected the response to POST {server.Url}login to match the JSON schema \"schemas/login.json\", " +
            $"but it does not match schemas/login.json: at $.expires_in: value is \"string\" but should be \"integer\" {Shown}.");
    }
}
