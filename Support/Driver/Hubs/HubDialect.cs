namespace BddWs.Driver.Hubs;

/// <summary>
/// SignalR's JSON hub protocol as a <see cref="Dialects.IDialect"/>: records end with the record
/// separator (<see cref="HubFraming"/>), the handshake and pings are plumbing (<see cref="HubRecord.IsPlumbing"/>),
/// records read in the hub's words (<see cref="HubShown"/>), and a completion or stream item carries
/// the invocation id of the call it answers. <see cref="HubConnection"/> shakes hands over it.
/// </summary>
public sealed class HubDialect : Dialects.IDialect
{
    /// <summary>The one instance every hub connection shares: a dialect holds no connection's state.</summary>
    public static readonly HubDialect Instance = new();

    private HubDialect()
    {
    }

    public string RecordNoun => "hub message";

    public IReadOnlyList<string> Split(string frame) => HubFraming.Split(frame);

    public string Frame(string record) => HubFraming.Frame(record);

    public bool IsPlumbing(WebSocketMessage record) => HubRecord.IsPlumbing(record);

    public string Shown(WebSocketMessage record, MessageDirection direction) =>
        direction == MessageDirection.Sent ? HubShown.Sent(record) : HubShown.Record(record);

    public string? ReplyId(WebSocketMessage record) => HubRecord.TryRead(record, out var read) ? read.InvocationId : null;
}
