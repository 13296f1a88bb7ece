namespace BddWs.Driver.Hubs;

/// <summary>The kinds of record of the SignalR hub protocol, by their number in <c>"type"</c>.</summary>
public enum HubRecordType
{
    /// <summary>A call of a method: a hub method by the client, a client method by the hub.</summary>
    Invocation = 1,
    StreamItem = 2,
    /// <summary>The end of an invocation or a stream: a result, an error, or nothing.</summary>
    Completion = 3,
    StreamInvocation = 4,
    CancelInvocation = 5,
    Ping = 6,
    Close = 7,
}
