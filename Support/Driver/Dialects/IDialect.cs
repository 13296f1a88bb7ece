namespace BddWs.Driver.Dialects;

/// <summary>
/// A protocol spoken over a recorded <see cref="WebSocketSession"/>: SignalR's JSON hub protocol,
/// GraphQL over WebSocket, Socket.IO. The session records each of the dialect's records as one
/// message, so every generic sentence (waits, counts, "no further", "next … where", ignore rules,
/// values, masking, contracts) works on it; the dialect says only what is its own: how frames and
/// records relate, which records are plumbing, how a record reads, and how replies tie to requests.
/// Opening (a handshake record, an init payload, an auth packet) belongs to the dialect's connection
/// class beside it, which sends and awaits records through the session once the WebSocket is open.
/// A dialect holds no state of a connection: one instance serves every connection of its kind.
/// </summary>
public interface IDialect
{
    /// <summary>How failures name the dialect's messages: "hub message", "GraphQL message", "Socket.IO packet".</summary>
    string RecordNoun { get; }

    /// <summary>The records one received text frame holds, in order (most dialects: the frame itself).</summary>
    IReadOnlyList<string> Split(string frame);

    /// <summary>The text frame that carries one record the client sends (most dialects: the record itself).</summary>
    string Frame(string record);

    /// <summary>
    /// True for the protocol's own plumbing: handshakes and their answers, pings, pongs, keep-alives,
    /// acknowledgements of the connection. The session leaves plumbing out of everything sentences
    /// judge, count or remember (as an ignore rule would, but without saying so in failures); the
    /// report folds a run of it into one line (<see cref="Folded"/>).
    /// </summary>
    bool IsPlumbing(WebSocketMessage record);

    /// <summary>
    /// What a record is, in the dialect's words, without a direction: <c>ReceiveMessage("a", "hi")</c>,
    /// <c>next #1 {"data":…}</c>, <c>"chat" ["hi"]</c>. Used by failures and the report.
    /// </summary>
    string Shown(WebSocketMessage record, MessageDirection direction);

    /// <summary>
    /// The id that ties this record to others (an invocation, a subscription, an acknowledgement),
    /// or null: a reply carries the id of the request it answers.
    /// </summary>
    string? ReplyId(WebSocketMessage record);

    /// <summary>
    /// The report's one line, without the arrow, for <paramref name="count"/> plumbing records in a row
    /// in one direction that read alike (<paramref name="shown"/>, as <see cref="Shown"/> read the first):
    /// <c>ping</c> for one, <c>3 pings</c> for three. Override it where adding an "s" is not the plural.
    /// </summary>
    string Folded(string shown, int count) => count == 1 ? shown : $"{count} {shown}s";

    /// <summary>
    /// What a contract (AsyncAPI) holds to its schemas of this record: by default the record itself (a
    /// hub record); the service's own message where the record wraps it (the payload of a GraphQL
    /// <c>next</c>); null for a record of the protocol that no contract describes.
    /// </summary>
    WebSocketMessage? PayloadOf(WebSocketMessage record) => record;

    /// <summary>
    /// The contract channel's address a record belongs to where the record names it (a Socket.IO
    /// namespace, <c>/chat</c>); null, by default, for the channel of the connection's URL path.
    /// </summary>
    string? ChannelOf(WebSocketMessage record) => null;
}
