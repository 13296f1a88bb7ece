using BddWs.Driver;
using BddWs.StepDefinitions.Assertions;
using BddWs.Driver.Json;
using BddWs.Driver.Values;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>JSON messages: sending JSON, and expecting JSON with values at given paths (<c>$.user.name</c>).</summary>
[Binding]
public sealed class JsonSteps(ScenarioConnections connections, ScenarioValues values, SuiteSettings settings)
{
    /// <summary>Sends the doc string as one text message, after checking it is valid JSON (sent compact).</summary>
    /// <example>
    /// When I send the JSON:
    ///   """
    ///   { "type": "greet", "name": "Ada" }
    ///   """
    /// </example>
    [When("{who} send(s) the JSON:")]
    public Task SendJson(ConnectionName who, string json) => connections[who].SendAsync(WebSocketMessage.FromText(JsonBuilder.Compact(json)));

    /// <summary>
    /// Sends a JSON object built from a table of <c>path</c> and <c>value</c> rows
    /// (<c>user.name | Ada</c>); numbers, true, false and null keep their type, quote them to send text.
    /// </summary>
    /// <example>
    /// When I send a JSON message with:
    ///   | path    | value     |
    ///   | type    | add       |
    ///   | numbers | [1, 2, 3] |
    /// </example>
    [When("{who} send(s) a JSON message with:")]
    public Task SendJsonTable(ConnectionName who, DataTable fields) =>
        connections[who].SendAsync(WebSocketMessage.FromText(JsonBuilder.FromPaths(PathValueTable.Rows(fields))));

    /// <summary>
    /// Some message so far is JSON with this value at this path (text as written; numbers, true, false,
    /// null as JSON; or a placeholder such as <c>(any string)</c>, <c>(present)</c>, <c>(matching ^A-\d+$)</c>).
    /// </summary>
    /// <example>Then I receive a JSON message where "$.to.name" is "Ada"</example>
    [Then("{who} receive(s) a JSON message where {string} is {string}{within}")]
    public Task JsonWhere(ConnectionName who, string path, string value, Within within = default) =>
        MeetAsync(who, [JsonExpectation.Parse(path, value, remembering: true)], within.Or(settings.Timeout));

    /// <summary>
    /// Each of these connections received a JSON message with this value at this path, judged one by one
    /// as for a single connection; a failure names every connection that did not, each with what it received.
    /// </summary>
    /// <example>Then "Bob" and "Carol" receive a JSON message where "$.type" is "order.created"</example>
    [Then("{names} receive a JSON message where {string} is {string}{within}")]
    public Task EachJsonWhere(ConnectionNames names, string path, string value, Within within = default)
    {
        var check = MessageCheck.Json([JsonExpectation.Parse(path, value)]);
        return names.In(connections).ShouldAllMeetAsync(() => Expect.AnyMessage(check), within.Or(settings.Timeout));
    }

    /// <summary>
    /// Some message so far is JSON with every value of a <c>path</c> / <c>value</c> table; a value may be a
    /// placeholder (<c>(missing)</c> for an absent path, <c>(present)</c>, <c>(matching …)</c>, <c>(remember name)</c>).
    /// </summary>
    /// <example>
    /// Then I receive a JSON message with:
    ///   | path      | value             |
    ///   | $.text    | Hello, Ada!       |
    ///   | $.to.name | (matching ^[A-Z]) |
    ///   | $.type    | (present)         |
    /// </example>
    [Then("{who} receive(s){within} a JSON message with:")]
    public Task JsonTable(ConnectionName who, Within within, DataTable expected) =>
        MeetAsync(who, PathValueTable.Expectations(expected, remembering: true), within.Or(settings.Timeout));

    private async Task MeetAsync(ConnectionName who, IReadOnlyList<JsonExpectation> expectations, TimeSpan within)
    {
        await connections[who].ShouldMeetAsync(Expect.AnyMessage(MessageCheck.Json(expectations)), within);
        if (expectations.Any(e => e.Remembers) && ParsedMessages.TryGet(connections[who].LastMatched!, out var document))
        {
            JsonExpectation.RememberFrom(expectations, document, values);
        }
    }
}
