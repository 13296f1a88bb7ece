using BddWs.Driver;
using BddWs.Driver.Hubs;
using BddWs.Driver.Json;
using BddWs.Driver.Values;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// SignalR hubs, invocations: calling a hub method and judging what it returns. Arguments and results
/// are JSON values (text in double quotes); "the invocation" is the latest one of the scenario, on
/// whichever connection it was made. Its completion is awaited up to the step's time.
/// </summary>
[Binding]
public sealed class HubInvocationSteps(ScenarioHubs hubs, ScenarioValues values, SuiteSettings settings)
{
    /// <summary>Calls a hub method with these arguments (JSON values) and expects a result: <c>Add(2, 3)</c>, <c>GetRoom("red")</c>.</summary>
    /// <example>When "Alice" invokes SendMessage("Alice", "hi")</example>
    /// <waits>no: it sends the invocation and goes on; `Then the invocation returns …` or `… fails with …` waits for the result</waits>
    [When("{who} invoke(s) {hub-call}")]
    public async Task Invoke(ConnectionName who, HubCall call) => hubs.Made(await hubs[who].InvokeAsync(call));

    /// <summary>The latest invocation completed with this result, a JSON value (numbers compare as numbers: <c>5</c> is <c>5.0</c>).</summary>
    /// <example>Then the invocation returns 5</example>
    [Then("the invocation returns {hub-value}{within}")]
    public Task Returns(HubValue expected, Within within = default)
    {
        var invocation = hubs.Last();
        return hubs.Of(invocation).ShouldReturnAsync(invocation, expected.Value, within.Or(settings.Timeout));
    }

    /// <summary>
    /// The latest invocation completed with this JSON document as its result, no field more or less; placeholders
    /// as in "a JSON message equal to" (<c>"(any)"</c>, <c>"(remember name)"</c>).
    /// </summary>
    /// <example>
    /// Then the invocation returns:
    ///   """
    ///   { "name": "red", "members": ["ada", "grace"] }
    ///   """
    /// </example>
    [Then("the invocation returns{within}:")]
    public async Task ReturnsDocument(Within within, string json)
    {
        var pattern = JsonDocumentPattern.EqualTo(json);
        var invocation = hubs.Last();
        pattern.RememberFrom(await hubs.Of(invocation).ShouldReturnAsync(invocation, pattern, within.Or(settings.Timeout)), values);
    }

    /// <summary>The latest invocation (or stream) completed with an error containing the text; the hub's error text reaches the client only from a HubException.</summary>
    /// <example>Then the invocation fails with "cannot divide by zero"</example>
    [Then("the invocation fails with {string}{within}")]
    public Task FailsWith(string text, Within within = default)
    {
        var invocation = hubs.Last();
        return hubs.Of(invocation).ShouldFailWithAsync(invocation, text, within.Or(settings.Timeout));
    }

    /// <summary>Waits for the result of the latest invocation and remembers it (text as it is, anything else as JSON).</summary>
    /// <example>When I remember the result as "total"</example>
    [StepDefinition("I remember the result as {string}{within}")]
    public async Task RememberResult(string name, Within within = default) => values.Remember(name, JsonText.Of(await ResultAsync(name, within)), SecretNames.Looks(name));

    /// <summary>Waits for the result of the latest invocation and remembers the value at a JSON path of it.</summary>
    /// <example>When I remember "$.members[0]" of the result as "first"</example>
    [StepDefinition("I remember {string} of the result as {string}{within}")]
    public async Task RememberFromResult(string path, string name, Within within = default)
    {
        var jsonPath = JsonPath.Parse(path);
        var result = await ResultAsync(name, within);
        values.Remember(name,
            jsonPath.TryFind(result, out var value) ? JsonText.Of(value) : throw new NothingToRememberException(name, $"the result has no {jsonPath}: {Format.Value(result)}."),
            SecretNames.Looks(path));
    }

    private async Task<System.Text.Json.Nodes.JsonNode?> ResultAsync(string name, Within within)
    {
        var invocation = hubs.Last();
        var (completion, _) = await hubs.Of(invocation).CompletionAsync(invocation, within.Or(settings.Timeout));
        return completion.Error is { } error ? throw new NothingToRememberException(name, $"{invocation} failed: {Format.Clause(error)}.")
            : !completion.HasResult ? throw new NothingToRememberException(name, $"{invocation} returned nothing.")
            : completion.Result;
    }
}
