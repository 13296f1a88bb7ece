using System.Globalization;
using System.Text.Json.Nodes;

namespace BddWs.Driver.SocketIo;

/// <summary>An event the client emitted and, when it asked for one, the id its acknowledgement will carry.</summary>
public sealed record SocketIoEmit(string ConnectionName, string Namespace, string Name, JsonArray Arguments, long? AckId)
{
    /// <summary>The named instance of the service the connection is on; null for the server under test.</summary>
    public string? Instance { get; init; }

    /// <summary><c>emit "order" [{"item":"book"}] #1</c>, and the connection's name (and instance: <c>"Bob"@b</c>) when it has one.</summary>
    public override string ToString() =>
        $"emit {SocketIoDialect.Event(Name, Arguments)}{(AckId is { } id ? $" #{id.ToString(CultureInfo.InvariantCulture)}" : "")}"
        + (ServiceInstances.Quoted(ConnectionName, Instance) is { Length: > 0 } who ? $" of {who}" : "");
}
