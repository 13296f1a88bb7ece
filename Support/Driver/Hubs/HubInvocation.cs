namespace BddWs.Driver.Hubs;

/// <summary>
/// A call the client made: of a hub method (<c>Add(2, 3) #1</c>) or of a stream
/// (<c>Countdown(3, 10) #2</c>), on the connection called <see cref="ConnectionName"/>.
/// Its completion (and a stream's items) carry <see cref="Id"/>.
/// </summary>
public sealed record HubInvocation(string ConnectionName, string Id, HubCall Call, bool IsStream)
{
    /// <summary><c>the invocation Add(2, 3) #1</c>, <c>the stream Countdown(3, 10) #2 of "Bob"</c>.</summary>
    public override string ToString() =>
        $"the {(IsStream ? "stream" : "invocation")} {Call} #{Id}{(ConnectionName.Length == 0 ? "" : $" of \"{ConnectionName}\"")}";
}
