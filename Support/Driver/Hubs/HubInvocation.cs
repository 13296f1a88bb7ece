namespace BddWs.Driver.Hubs;

/// <summary>
/// A call the client made: of a hub method (<c>Add(2, 3) #1</c>) or of a stream
/// (<c>Countdown(3, 10) #2</c>), on the connection called <see cref="ConnectionName"/>.
/// Its completion (and a stream's items) carry <see cref="Id"/>.
/// </summary>
public sealed record HubInvocation(string ConnectionName, string Id, HubCall Call, bool IsStream)
{
    /// <summary>The named instance of the service the connection is on; null for the server under test.</summary>
    public string? Instance { get; init; }

    /// <summary><c>the invocation Add(2, 3) #1</c>, <c>the stream Countdown(3, 10) #2 of "Bob"</c>, <c>… of "Bob"@b</c> on the instance "b".</summary>
    public override string ToString() =>
        $"the {(IsStream ? "stream" : "invocation")} {Call} #{Id}{(ServiceInstances.Quoted(ConnectionName, Instance) is { Length: > 0 } who ? $" of {who}" : "")}";
}
