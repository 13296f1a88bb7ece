using System.Text.Json.Nodes;

namespace BddWs.Driver.GraphQl;

/// <summary>
/// The GraphQL connections of one scenario, by the names of <see cref="ScenarioConnections"/> (whose sessions
/// they are, so every plain sentence works on them too), its subscriptions by the names the scenario gave
/// them, and the latest query or mutation run, which "the operation …" sentences judge. Created per scenario
/// by Reqnroll's context injection.
/// </summary>
public sealed class ScenarioGraphQl(ScenarioConnections connections, SuiteSettings settings) : IDisposable
{
    /// <summary>The name a query or mutation run once goes by.</summary>
    public const string RunName = "";

    private readonly Dictionary<WebSocketSession, GraphQlConnection> _connections = [];
    private readonly Dictionary<string, GraphQlOperation> _subscriptions = new(StringComparer.Ordinal);
    private GraphQlOperation? _lastRun;

    /// <summary>Variables given on their own (a table) for the next operation started.</summary>
    public JsonObject? PendingVariables { get; set; }

    /// <summary>
    /// Opens a WebSocket asking for <c>graphql-transport-ws</c> under <paramref name="name"/>, sends
    /// <c>connection_init</c> with <paramref name="payload"/> and waits for <c>connection_ack</c> (as long as
    /// a WebSocket handshake may take); headers, query parameters and subprotocols given before are used.
    /// The endpoint is one of the server under test, or of <paramref name="instance"/> when given.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The WebSocket or the acknowledgement failed; the message says why.</exception>
    /// <exception cref="ArgumentException">No instance of that name; the message names the ones there are.</exception>
    public async Task<GraphQlConnection> ConnectAsync(string name, string path, JsonNode? payload, string? instance = null)
    {
        var session = await connections.OpenAsync(name, path, (_, options) => Task.FromResult(Asking(options)), instance);
        return await InitAsync(session, payload);
    }

    // "… reconnects" opens the WebSocket again and sends the same init payload; ids count from 1 again.
    private async Task ReconnectAsync(string name, JsonNode? payload)
    {
        if (_connections.Remove(connections[name], out var previous))
        {
            previous.Dispose();
        }

        await InitAsync(await connections.ReconnectAsync(name), payload);
    }

    private async Task<GraphQlConnection> InitAsync(WebSocketSession session, JsonNode? payload)
    {
        var connection = new GraphQlConnection(session);
        _connections[session] = connection;
        connections.ReopensWith(session, () => ReconnectAsync(session.Name, payload));
        await connection.InitAsync(payload, settings.ConnectTimeout);
        return connection;
    }

    /// <summary>Tries a GraphQL connection no name stands for, only to learn how it ends (<see cref="ScenarioConnections.LastAttempt"/>).</summary>
    public Task<ConnectionAttempt> AttemptAsync(string path, JsonNode? payload, string? instance = null) =>
        connections.AttemptAsync(async () =>
            (await InitAsync(await connections.OpenAsync(null, path, (_, options) => Task.FromResult(Asking(options)), instance), payload)).Session);

    /// <summary>The GraphQL connection called <paramref name="name"/>; a clear error when it is not one.</summary>
    public GraphQlConnection this[string name] => _connections.TryGetValue(connections[name], out var connection)
        ? connection
        : throw new InvalidOperationException($"{ScenarioConnections.Describe(name)} is not connected to a GraphQL endpoint; open it with a \"connected to the GraphQL endpoint\" step first.");

    /// <summary>Starts a subscription under <paramref name="name"/> on the connection called <paramref name="who"/>.</summary>
    public async Task<GraphQlOperation> SubscribeAsync(string who, string name, string query, JsonObject? variables)
    {
        if (_subscriptions.ContainsKey(name))
        {
            throw new InvalidOperationException($"There is already a subscription called {Format.Quoted(name)} in this scenario; give the new one another name.");
        }

        var operation = await this[who].StartAsync(name, query, TakeVariables(variables));
        _subscriptions[name] = operation;
        return operation;
    }

    /// <summary>Runs a query or mutation on the connection called <paramref name="who"/>; "the operation …" sentences judge it.</summary>
    public async Task<GraphQlOperation> RunAsync(string who, string query, JsonObject? variables) =>
        _lastRun = await this[who].StartAsync(RunName, query, TakeVariables(variables));

    /// <summary>The subscription called <paramref name="name"/>; a clear error when there is none.</summary>
    public GraphQlOperation Subscription(string name) => _subscriptions.TryGetValue(name, out var operation)
        ? operation
        : throw new InvalidOperationException(_subscriptions.Count == 0
            ? $"There is no subscription called {Format.Quoted(name)}: none has been started in this scenario."
            : $"There is no subscription called {Format.Quoted(name)}; the scenario has {string.Join(", ", _subscriptions.Keys.Select(Format.Quoted))}.");

    /// <summary>The latest query or mutation run; a clear error when there is none.</summary>
    public GraphQlOperation LastRun => _lastRun
        ?? throw new InvalidOperationException("No GraphQL operation has been run in this scenario; run one first (When I run the GraphQL operation:).");

    /// <summary>The connection an operation runs on.</summary>
    public GraphQlConnection Of(GraphQlOperation operation) => this[operation.ConnectionName];

    /// <summary>Stops every connection's answers to pings; the connections themselves close with <see cref="ScenarioConnections"/>.</summary>
    public void Dispose()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }
    }

    private static ConnectionOptions Asking(ConnectionOptions options) => options with
    {
        SubProtocols = options.SubProtocols.Contains(GraphQlDialect.SubProtocol) ? options.SubProtocols : [.. options.SubProtocols, GraphQlDialect.SubProtocol],
        Dialect = GraphQlDialect.Instance,
    };

    private JsonObject? TakeVariables(JsonObject? variables)
    {
        var taken = variables ?? PendingVariables;
        PendingVariables = null;
        return taken;
    }
}
