using BddWs.Driver.Http;
using BddWs.Driver.Json;
using BddWs.Driver.Values;
using BddWs.ReqnrollPlugin.Files;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// HTTP beside WebSocket in one scenario: requests to the server under test (a login, a REST call
/// that makes the server push to subscribers), checks of the last response, and values remembered
/// from it. Each exchange shows in the report under its step, in time order with the WebSocket traffic.
/// </summary>
[Binding]
public sealed class HttpSteps(ScenarioHttp http, ScenarioValues values, FeatureFiles files)
{
    /// <summary>
    /// Every HTTP request after this step sends this header, until the end of the scenario or until
    /// the step sets it again (WebSocket connections have their own: "the request header").
    /// </summary>
    /// <example>Given the HTTP header "Authorization" is "Bearer ${token}"</example>
    [StepDefinition("the HTTP header {string} is {string}")]
    public void Header(string name, string value) => http.SetHeader(name, value);

    /// <summary>
    /// Sends a request with no body to a path of the server under test (its host and port, or
    /// <c>BDDWS_HTTP_URL</c>) or to a full http:// or https:// URL, and waits for the answer. With
    /// <c>on instance "b"</c>, to that path of the instance "b" of the service (its host and port, ws becoming
    /// http and wss https), and the report marks the request's lines <c>@b</c>; so does every request sentence.
    /// </summary>
    /// <example>When I send a GET request to "/health"</example>
    /// <example>When I send a GET request to "/health" on instance "b"</example>
    /// <waits>for the answer: up to the timeout</waits>
    [StepDefinition("I send a {http-method} request to {string}{on-instance}")]
    public Task Send(HttpMethod method, string target, OnInstance on = default) => http.SendAsync(method, target, instance: on.Name);

    /// <summary>Sends a request whose body is the doc string, checked to be valid JSON, as <c>application/json</c>.</summary>
    /// <example>
    /// When I send a POST request to "/api/orders" with the JSON:
    ///   """
    ///   { "item": "book", "quantity": 2 }
    ///   """
    /// </example>
    /// <example>
    /// When I send a POST request to "/api/orders" on instance "b" with the JSON:
    ///   """
    ///   { "item": "book", "quantity": 2 }
    ///   """
    /// </example>
    /// <waits>for the answer: up to the timeout</waits>
    [StepDefinition("I send a {http-method} request to {string}{on-instance} with the JSON:")]
    public Task SendJson(HttpMethod method, string target, OnInstance on, string json) => http.SendAsync(method, target, HttpBody.Json(json), on.Name);

    /// <summary>Sends a request whose body is the doc string as written, as <c>text/plain</c> (the HTTP header "Content-Type" step changes that).</summary>
    /// <example>
    /// When I send a PUT request to "/api/notes/7" with the text:
    ///   """
    ///   Remember the milk
    ///   """
    /// </example>
    /// <waits>for the answer: up to the timeout</waits>
    [StepDefinition("I send a {http-method} request to {string}{on-instance} with the text:")]
    public Task SendText(HttpMethod method, string target, OnInstance on, string text) => http.SendAsync(method, target, HttpBody.Plain(text), on.Name);

    /// <summary>The last HTTP request was answered with this status.</summary>
    /// <example>Then the response status is 201</example>
    /// <waits>no: the answer is already there (sending the request waited for it)</waits>
    [Then("the response status is {int}")]
    public void Status(int status) => http.Last.ShouldHaveStatus(status);

    /// <summary>The last response has this header (any case of its name) with exactly this value; several values count as one, joined by ", ".</summary>
    /// <example>Then the response header "Content-Type" is "application/json; charset=utf-8"</example>
    [Then("the response header {string} is {string}")]
    public void HeaderIs(string name, string value) => http.Last.ShouldHaveHeader(name, value, containing: false);

    /// <summary>The last response has this header, its value containing the text.</summary>
    /// <example>Then the response header "Content-Type" contains "json"</example>
    [Then("the response header {string} contains {string}")]
    public void HeaderContains(string name, string text) => http.Last.ShouldHaveHeader(name, text, containing: true);

    /// <summary>The body of the last response contains the text.</summary>
    /// <example>Then the response body contains "ok"</example>
    /// <waits>no: the answer is already there (sending the request waited for it)</waits>
    [Then("the response body contains {string}")]
    public void BodyContains(string text) => http.Last.ShouldContain(text);

    /// <summary>
    /// The body of the last response is JSON with this value at this path (text as written; numbers, true,
    /// false, null as JSON; or a placeholder: <c>(missing)</c> for an absent path, <c>(any string)</c>,
    /// <c>(present)</c>, <c>(matching ^\d+$)</c>, <c>(remember name)</c>).
    /// </summary>
    /// <example>Then the response JSON "$.status" is "ok"</example>
    [Then("the response JSON {string} is {string}")]
    public void JsonIs(string path, string value) => Where([JsonExpectation.Parse(path, value, remembering: true)]);

    /// <summary>The body of the last response is JSON with every value of a <c>path</c> / <c>value</c> table, placeholders as in a JSON message table.</summary>
    /// <example>
    /// Then the response JSON has:
    ///   | path         | value              |
    ///   | $.status     | ok                 |
    ///   | $.error      | (missing)          |
    ///   | $.id         | (matching ^o-\d+$) |
    ///   | $.created_at | (present)          |
    /// </example>
    [Then("the response JSON has:")]
    public void JsonTable(DataTable expected) => Where(PathValueTable.Expectations(expected, remembering: true));

    /// <summary>
    /// The body of the last response is this JSON document, no field more or less, compared as a JSON
    /// message is ("a JSON message equal to"): key order, white space and number notation aside, placeholders
    /// such as <c>"(any string)"</c>, <c>"(present)"</c>, <c>"(matching …)"</c> and <c>"(remember name)"</c> allowed.
    /// </summary>
    /// <example>
    /// Then the response JSON is:
    ///   """
    ///   { "access_token": "(remember token)", "token_type": "Bearer", "expires_in": "(any number)" }
    ///   """
    /// </example>
    [Then("the response JSON is:")]
    public void JsonEqualTo(string json) => Document(JsonDocumentPattern.EqualTo(json));

    /// <summary>
    /// The body of the last response contains this JSON document: every field it names, with its value, at
    /// any depth; the body may have more fields (as "a JSON message containing"). Placeholders allowed.
    /// </summary>
    /// <example>
    /// Then the response JSON contains:
    ///   """
    ///   { "token_type": "Bearer", "expires_in": "(matching ^[0-9]+$)" }
    ///   """
    /// </example>
    [Then("the response JSON contains:")]
    public void JsonContaining(string json) => Document(JsonDocumentPattern.Containing(json));

    /// <summary>
    /// The body of the last response is JSON that matches the JSON Schema in the file, named relative to the
    /// feature file's folder (as in "the last message matches the JSON schema"); a failure lists the schema's errors with their paths.
    /// </summary>
    /// <example>Then the response matches the JSON schema "schemas/login.json"</example>
    [Then("the response matches the JSON schema {string}")]
    public void MatchesSchema(string file) => http.Last.ShouldMatchSchema(JsonSchemaFile.Load(file, files.PathOf(file)));

    private void Where(IReadOnlyList<JsonExpectation> expected)
    {
        http.Last.ShouldBeJsonWhere(expected);
        if (http.Last!.Reply!.TryJson(out var document))
        {
            JsonExpectation.RememberFrom(expected, document, values);
        }
    }

    private void Document(JsonDocumentPattern pattern) => JsonDocumentPattern.RememberFrom(http.Last.ShouldBeJson(pattern), values);

    /// <summary>Remembers the status of the last response (<c>201</c>).</summary>
    /// <example>When I remember the response status as "status"</example>
    [StepDefinition("I remember the response status as {string}")]
    public void RememberStatus(string name) => values.Remember(name, ResponseValue.Status(http.Last, name));

    /// <summary>Remembers a header of the last response (several values joined by ", "); <c>Set-Cookie</c>, <c>Authorization</c> and the like are kept secret.</summary>
    /// <example>When I remember the response header "Location" as "orderUrl"</example>
    [StepDefinition("I remember the response header {string} as {string}")]
    public void RememberHeader(string header, string name) =>
        values.Remember(name, ResponseValue.Header(http.Last, header, name), SecretNames.Looks(header));

    /// <summary>Remembers the value at a JSON path of the last response's body (a string as it is, anything else as JSON); a field like <c>token</c> is kept secret.</summary>
    /// <example>When I remember "$.token" of the response as "token"</example>
    [StepDefinition("I remember {string} of the response as {string}")]
    public void RememberJson(string path, string name) =>
        values.Remember(name, ResponseValue.At(http.Last, path, name), SecretNames.Looks(path));
}
