using System.Text.Json.Nodes;
using BddWs.Driver;
using BddWs.Driver.GraphQl;
using BddWs.Driver.Json;
using BddWs.Driver.Values;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// GraphQL over WebSocket (the <c>graphql-transport-ws</c> protocol of graphql-ws): the suite sends
/// <c>connection_init</c> and waits for <c>connection_ack</c>, answers the server's pings, and gives each
/// operation its id, over a recorded connection, so every sentence of a plain connection works on it too,
/// one protocol message being one message. The opening and the pings are left out of counts, positions and
/// contracts. Results compare as JSON documents with the placeholders of every JSON sentence.
/// </summary>
[Binding]
public sealed class GraphQlSteps(ScenarioGraphQl graphQl, ScenarioValues values, SuiteSettings settings)
{
    /// <summary>
    /// Opens a connection to a GraphQL endpoint at a path of the server under test (or a ws:// URL), asking for the
    /// <c>graphql-transport-ws</c> subprotocol, and sends <c>connection_init</c> without a payload; the server must
    /// answer <c>connection_ack</c>. The request headers, query parameters and subprotocols given before are used.
    /// With <c>on instance "b"</c>, the endpoint of that instance of the service.
    /// </summary>
    /// <example>Given "Alice" is connected to the GraphQL endpoint "/graphql"</example>
    /// <example>Given "Bob" is connected to the GraphQL endpoint "/graphql" on instance "b"</example>
    /// <waits>for connection_ack: up to the connect timeout</waits>
    [Given("{who} am/is connected to the GraphQL endpoint {string}{on-instance}")]
    public Task ConnectTo(ConnectionName who, string path, OnInstance on = default) => graphQl.ConnectAsync(who, path, null, on.Name);

    /// <summary>
    /// Opens a connection to a GraphQL endpoint and sends <c>connection_init</c> with this JSON payload (a token,
    /// say, from <c>${…}</c>: masked in the report when secret); the server must answer <c>connection_ack</c>.
    /// </summary>
    /// <example>
    /// Given I am connected to the GraphQL endpoint "/graphql" with the init payload:
    ///   """
    ///   { "token": "${TOKEN}" }
    ///   """
    /// </example>
    /// <example>
    /// Given "Bob" is connected to the GraphQL endpoint "/graphql" on instance "b" with the init payload:
    ///   """
    ///   { "token": "${TOKEN}" }
    ///   """
    /// </example>
    /// <waits>for connection_ack: up to the connect timeout</waits>
    [Given("{who} am/is connected to the GraphQL endpoint {string}{on-instance} with the init payload:")]
    public Task ConnectWithPayload(ConnectionName who, string path, OnInstance on, string payload) =>
        graphQl.ConnectAsync(who, path, Json(payload, "The init payload"), on.Name);

    /// <summary>
    /// Tries a GraphQL connection with this init payload and expects it not to open, for a reason that contains the
    /// text: the WebSocket refused, the server closing instead of acknowledging (<c>4403</c>), no <c>connection_ack</c> in time.
    /// </summary>
    /// <example>
    /// Then connecting to the GraphQL endpoint "/graphql" with this init payload fails with "4403":
    ///   """
    ///   { "token": "wrong" }
    ///   """
    /// </example>
    /// <example>
    /// Then connecting to the GraphQL endpoint "/graphql" on instance "b" with this init payload fails with "4403":
    ///   """
    ///   { "token": "wrong" }
    ///   """
    /// </example>
    /// <waits>for connection_ack: up to the connect timeout</waits>
    [Then("connecting to the GraphQL endpoint {string}{on-instance} with this init payload fails with {string}:")]
    public async Task ConnectingFailsWith(string path, OnInstance on, string reason, string payload)
    {
        var attempt = await graphQl.AttemptAsync(path, Json(payload, "The init payload"), on.Name);
        Verify.That(
            !attempt.Succeeded && attempt.Description.Contains(reason, StringComparison.Ordinal),
            () => $"Expected connecting to the GraphQL endpoint \"{path}\"{on} to fail with {Format.Quoted(reason)}, but {(attempt.Succeeded ? "it opened" : $"it failed otherwise: {attempt.Reason ?? Format.Clause(attempt.Description)}")}.");
    }

    /// <summary>
    /// Gives the next GraphQL operation started (a subscription, a query, a mutation) its variables: a <c>path</c> /
    /// <c>value</c> table, values read as JSON where they can be (<c>3</c>, <c>true</c>) and as text otherwise.
    /// </summary>
    /// <example>
    /// Given the next GraphQL operation has the variables:
    ///   | path      | value |
    ///   | $.customer | ada  |
    /// </example>
    [Given("the next GraphQL operation has the variables:")]
    public void NextVariables(DataTable table) =>
        graphQl.PendingVariables = (JsonObject)JsonNode.Parse(JsonBuilder.FromPaths(PathValueTable.Rows(table)))!;

    /// <summary>
    /// Starts a subscription under a name the scenario gives it (several may run at once on one connection), with
    /// this query; its results are then judged by name.
    /// </summary>
    /// <example>
    /// When I subscribe as "all orders" to:
    ///   """
    ///   subscription { orderPlaced { id customer item } }
    ///   """
    /// </example>
    [When("{who} subscribe(s) as {string} to:")]
    public Task Subscribe(ConnectionName who, string name, string query) => graphQl.SubscribeAsync(who, name, query, null);

    /// <summary>Starts a named subscription with this query and these variables (a JSON object).</summary>
    /// <example>
    /// When I subscribe as "ada's orders" with the variables '{"customer": "ada"}' to:
    ///   """
    ///   subscription OrderPlaced($customer: String) { orderPlaced(customer: $customer) { id item } }
    ///   """
    /// </example>
    [When("{who} subscribe(s) as {string} with the variables {string} to:")]
    public Task SubscribeWith(ConnectionName who, string name, string variables, string query) =>
        graphQl.SubscribeAsync(who, name, query, Variables(variables));

    /// <summary>Runs a query or mutation over the connection; "the result of the operation" sentences then judge it.</summary>
    /// <example>
    /// When I run the GraphQL operation:
    ///   """
    ///   mutation { placeOrder(customer: "ada", item: "book") { id } }
    ///   """
    /// </example>
    [When("{who} run(s) the GraphQL operation:")]
    public Task Run(ConnectionName who, string query) => graphQl.RunAsync(who, query, null);

    /// <summary>Runs a query or mutation with these variables (a JSON object).</summary>
    /// <example>
    /// When I run the GraphQL operation with the variables '{"id": "${order}"}':
    ///   """
    ///   query Order($id: ID!) { order(id: $id) { customer item } }
    ///   """
    /// </example>
    [When("{who} run(s) the GraphQL operation with the variables {string}:")]
    public Task RunWith(ConnectionName who, string variables, string query) => graphQl.RunAsync(who, query, Variables(variables));

    /// <summary>
    /// The result of the latest query or mutation is this JSON document, no field more or less (<c>data</c>, and
    /// <c>errors</c> when there are), with the placeholders of every JSON sentence; <c>(remember name)</c> remembers.
    /// </summary>
    /// <example>
    /// Then the result of the operation is JSON equal to:
    ///   """
    ///   { "data": { "placeOrder": { "id": "(remember order)" } } }
    ///   """
    /// </example>
    [Then("the result of the operation{within} is JSON equal to:")]
    public Task RunResultEqualTo(Within within, string json) => ResultAsync(graphQl.LastRun, JsonDocumentPattern.EqualTo(json), within);

    /// <summary>The result of the latest query or mutation contains this JSON document (it may have more fields).</summary>
    /// <example>
    /// Then the result of the operation is JSON containing:
    ///   """
    ///   { "data": { "order": { "customer": "ada" } } }
    ///   """
    /// </example>
    [Then("the result of the operation{within} is JSON containing:")]
    public Task RunResultContaining(Within within, string json) => ResultAsync(graphQl.LastRun, JsonDocumentPattern.Containing(json), within);

    /// <summary>
    /// The next result of a named subscription (the first not judged yet) is this JSON document, no field more or
    /// less; it fails at once when that result differs, or when the subscription failed or completed instead.
    /// </summary>
    /// <example>
    /// Then the next result of "ada's orders" is JSON equal to:
    ///   """
    ///   { "data": { "orderPlaced": { "id": "(any string)", "item": "book" } } }
    ///   """
    /// </example>
    [Then("the next result of {string}{within} is JSON equal to:")]
    public Task NextEqualTo(string name, Within within, string json) => ResultAsync(graphQl.Subscription(name), JsonDocumentPattern.EqualTo(json), within);

    /// <summary>The next result of a named subscription contains this JSON document (it may have more fields).</summary>
    /// <example>
    /// Then the next result of "ada's orders" is JSON containing:
    ///   """
    ///   { "data": { "orderPlaced": { "item": "book" } } }
    ///   """
    /// </example>
    [Then("the next result of {string}{within} is JSON containing:")]
    public Task NextContaining(string name, Within within, string json) => ResultAsync(graphQl.Subscription(name), JsonDocumentPattern.Containing(json), within);

    /// <summary>
    /// The next result of a named subscription has this value at this JSON path (placeholders as everywhere;
    /// <c>(remember name)</c> remembers it).
    /// </summary>
    /// <example>Then the next result of "ada's orders" is one where "$.data.orderPlaced.id" is "(any string)"</example>
    [Then("the next result of {string} is one where {string} is {string}{within}")]
    public Task NextWhere(string name, string path, string value, Within within = default) =>
        WhereAsync(graphQl.Subscription(name), [JsonExpectation.Parse(path, value, remembering: true)], within);

    /// <summary>The next result of a named subscription has these values: a <c>path</c> / <c>value</c> table.</summary>
    /// <example>
    /// Then the next result of "ada's orders" is one where:
    ///   | path                      | value            |
    ///   | $.data.orderPlaced.item   | book             |
    ///   | $.data.orderPlaced.id     | (remember order) |
    /// </example>
    [Then("the next result of {string}{within} is one where:")]
    public Task NextWhereTable(string name, Within within, DataTable table) =>
        WhereAsync(graphQl.Subscription(name), PathValueTable.Expectations(table, remembering: true), within);

    /// <summary>
    /// The latest query or mutation failed with an error whose text contains this: an <c>error</c> message (the
    /// server refused the operation) or a result whose <c>errors</c> say it (it failed while running).
    /// </summary>
    /// <example>Then the operation fails with "No order 42"</example>
    [Then("the operation fails with {string}{within}")]
    public Task RunFails(string text, Within within = default) => FailsAsync(graphQl.LastRun, text, within);

    /// <summary>A named subscription failed with an error whose text contains this.</summary>
    /// <example>Then the subscription "ada's orders" fails with "Unknown argument"</example>
    [Then("the subscription {string} fails with {string}{within}")]
    public Task SubscriptionFails(string name, string text, Within within = default) => FailsAsync(graphQl.Subscription(name), text, within);

    /// <summary>The server completed a named subscription (<c>complete</c>): it sends no more results.</summary>
    /// <example>Then the subscription "countdown" completes</example>
    [Then("the subscription {string} completes{within}")]
    public Task Completes(string name, Within within = default)
    {
        var subscription = graphQl.Subscription(name);
        return graphQl.Of(subscription).Session.ShouldMeetAsync(GraphQlExpect.Completion(subscription), within.Or(settings.Timeout));
    }

    /// <summary>A named subscription sends no result beyond those already judged, for the whole time given.</summary>
    /// <example>Then the subscription "ada's orders" gets no further result within 300 ms</example>
    /// <waits>the whole time given: it passes only if no further result came in it</waits>
    [Then("the subscription {string} gets no further result within {duration}")]
    public Task NoFurtherResult(string name, Duration within)
    {
        var subscription = graphQl.Subscription(name);
        return graphQl.Of(subscription).Session.ShouldMeetAsync(GraphQlExpect.NoFurtherResult(subscription), within);
    }

    /// <summary>Stops a named subscription from the client's side (<c>complete</c>): the server should send no more of its results.</summary>
    /// <example>When I unsubscribe from "ada's orders"</example>
    [When("{who} unsubscribe(s) from {string}")]
    public Task Unsubscribe(ConnectionName who, string name)
    {
        var subscription = graphQl.Subscription(name);
        return subscription.ConnectionName == who.Name
            ? graphQl.Of(subscription).CompleteAsync(subscription)
            : throw new InvalidOperationException($"The subscription {Format.Quoted(name)} runs on another connection: unsubscribe from it as {new ConnectionName(subscription.ConnectionName)}.");
    }

    private async Task ResultAsync(GraphQlOperation operation, JsonDocumentPattern pattern, Within within)
    {
        var session = graphQl.Of(operation).Session;
        await session.ShouldMeetAsync(GraphQlExpect.NextResult(operation, pattern.Described, payload => pattern.CompareWith(payload).FirstDifference is { } difference ? $"it {difference}" : null), within.Or(settings.Timeout));
        operation.Take();
        JsonDocumentPattern.RememberFrom(pattern.CompareWith(Payload(session.LastMatched)), values);
    }

    private async Task WhereAsync(GraphQlOperation operation, IReadOnlyList<JsonExpectation> expectations, Within within)
    {
        var session = graphQl.Of(operation).Session;
        await session.ShouldMeetAsync(
            GraphQlExpect.NextResult(operation, $"one where {string.Join(" and ", expectations)}", payload => expectations.Select(e => Difference(e, payload)).FirstOrDefault(d => d is not null)),
            within.Or(settings.Timeout));
        operation.Take();
        JsonExpectation.RememberFrom(expectations, Payload(session.LastMatched), values);
    }

    /// <summary><c>it differs at $.data.item: expected "pen", received "book"</c>, <c>$.data.item is missing</c>: the path told from the result's root.</summary>
    private static string? Difference(JsonExpectation expectation, JsonNode? payload) => expectation.Compare(payload) switch
    {
        null => null,
        var within when within.StartsWith("differs at $", StringComparison.Ordinal) => $"it differs at {expectation.Path}{within["differs at $".Length..]}",
        var other => $"{expectation.Path} {other}",
    };

    private Task FailsAsync(GraphQlOperation operation, string text, Within within) =>
        graphQl.Of(operation).Session.ShouldMeetAsync(GraphQlExpect.Failure(operation, text), within.Or(settings.Timeout));

    private static JsonNode? Payload(WebSocketMessage? matched) =>
        matched is not null && GraphQlRecord.TryRead(matched, out var record) ? record.Payload : null;

    private static JsonObject Variables(string json) =>
        Json(json, "The JSON of the variables") as JsonObject ?? throw new FormatException("The variables must be a JSON object, such as {\"customer\": \"ada\"}.");

    private static JsonNode? Json(string json, string what) => JsonNode.Parse(JsonBuilder.Compact(json, what));
}
