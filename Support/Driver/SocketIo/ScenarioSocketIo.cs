using System.Text.Json.Nodes;

namespace BddWs.Driver.SocketIo;

/// <summary>
/// The Socket.IO connections of one scenario, by the names of <see cref="ScenarioConnections"/> (whose
/// sessions they are, so every plain sentence works on them too), and the latest event emitted, which
/// "the acknowledgement …" sentences judge. Created per scenario by Reqnroll's context injection.
/// </summary>
public sealed class ScenarioSocketIo(ScenarioConnections connections, SuiteSettings settings) : IDisposable
{
    private readonly Dictionary<WebSocketSession, SocketIoConnection> _opened = [];

    /// <summary>The latest event emitted asking for an acknowledgement, on any connection of the scenario.</summary>
    public SocketIoEmit? LastAsked { get; private set; }

    /// <summary>
    /// Opens the WebSocket at <see cref="SocketIoConnection.DefaultPath"/> of the server under test and connects
    /// to <paramref name="namespace"/> with <paramref name="auth"/>, under <paramref name="name"/>; the request
    /// headers and query parameters given before are used as for any connection. With <paramref name="instance"/>,
    /// at that instance of the service instead.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The WebSocket or the Socket.IO connect failed; the message says why.</exception>
    /// <exception cref="ArgumentException">No instance of that name; the message names the ones there are.</exception>
    public Task<SocketIoConnection> ConnectAsync(string name, string @namespace, JsonNode? auth = null, string? instance = null) => OpenAsync(name, @namespace, auth, instance);

    /// <summary>Tries a Socket.IO connection no name stands for, only to learn how it ends (<see cref="ScenarioConnections.LastAttempt"/>).</summary>
    public Task<ConnectionAttempt> AttemptAsync(string @namespace, JsonNode? auth = null, string? instance = null) =>
        connections.AttemptAsync(async () => (await OpenAsync(null, @namespace, auth, instance)).Session);

    /// <summary>The Socket.IO connection called <paramref name="name"/>; a clear error when it is not one.</summary>
    public SocketIoConnection this[string name]
    {
        get
        {
            var session = connections[name];
            return _opened.TryGetValue(session, out var opened)
                ? opened
                : throw new InvalidOperationException($"{ScenarioConnections.Describe(name)} is not connected to a Socket.IO namespace; open it with a \"connected to the Socket.IO namespace\" step first.");
        }
    }

    /// <summary>Emits an event on the connection called <paramref name="name"/>; one that asks for an acknowledgement is kept for "the acknowledgement …".</summary>
    public async Task<SocketIoEmit> EmitAsync(string name, string @event, JsonArray arguments, bool askAck)
    {
        var emit = await this[name].EmitAsync(@event, arguments, askAck);
        if (askAck)
        {
            LastAsked = emit;
        }

        return emit;
    }

    /// <summary>The latest event emitted asking for an acknowledgement; a clear error when there is none.</summary>
    public SocketIoEmit LastAskedOrFail() => LastAsked ?? throw new InvalidOperationException(
        "No event asking for an acknowledgement has been emitted in this scenario; emit one first (When I emit \"order\" asking for an acknowledgement with {\"item\":\"book\"}).");

    /// <summary>The connection an event was emitted on.</summary>
    public SocketIoConnection Of(SocketIoEmit emit) => this[emit.ConnectionName];

    /// <summary>Stops every connection's answers to pings; the connections themselves close with <see cref="ScenarioConnections"/>.</summary>
    public void Dispose()
    {
        foreach (var connection in _opened.Values)
        {
            connection.Dispose();
        }
    }

    private async Task<SocketIoConnection> OpenAsync(string? name, string @namespace, JsonNode? auth, string? instance)
    {
        var path = SocketIoConnection.DefaultPath;
        var session = await connections.OpenAsync(name, path, (_, options) => Task.FromResult(options with
        {
            Dialect = SocketIoDialect.Instance,
            Query = [.. options.Query, .. SocketIoConnection.Query],
        }), instance);
        return await ConnectAsync(session, @namespace, auth);
    }

    // "… reconnects" opens the WebSocket again and connects to the same namespace with the same auth.
    private async Task ReconnectAsync(string name, string @namespace, JsonNode? auth)
    {
        if (_opened.Remove(connections[name], out var previous))
        {
            previous.Dispose();
        }

        await ConnectAsync(await connections.ReconnectAsync(name), @namespace, auth);
    }

    private async Task<SocketIoConnection> ConnectAsync(WebSocketSession session, string @namespace, JsonNode? auth)
    {
        var connection = new SocketIoConnection(session, @namespace);
        _opened[session] = connection;
        connections.ReopensWith(session, () => ReconnectAsync(session.Name, @namespace, auth));
        // The Socket.IO handshake is part of connecting: it has the time a WebSocket handshake has.
        await connection.OpenAsync(auth, settings.ConnectTimeout);
        return connection;
    }
}
