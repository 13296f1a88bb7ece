using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace BddWs.Driver.SocketIo;

/// <summary>
/// A Socket.IO client on one namespace, spoken over a recorded <see cref="WebSocketSession"/> (the
/// WebSocket transport of Engine.IO 4 alone, no polling, no upgrade): each packet sent or received is one
/// message of its record, so every expectation, count and report line of a plain connection applies. It
/// answers the server's pings at once and leaves them, the Engine.IO handshake and the connect packets
/// out of what the steps judge. A packet that is not Socket.IO's breaks the protocol: the connection
/// closes with 1002 (protocol error), as an official client drops a transport it cannot parse. Nothing
/// reconnects it on its own.
/// </summary>
public sealed class SocketIoConnection : IDisposable
{
    /// <summary>Where a Socket.IO server listens, unless told otherwise.</summary>
    public const string DefaultPath = "/socket.io/";

    /// <summary>What the WebSocket asks for: Engine.IO protocol 4, the WebSocket transport from the start.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Query = [new("EIO", "4"), new("transport", "websocket")];

    private long _lastAckId;

    public SocketIoConnection(WebSocketSession session, string @namespace)
    {
        Session = session;
        Namespace = @namespace;
        session.Received += Answer;
    }

    public WebSocketSession Session { get; }

    /// <summary>The namespace connected to: <c>/</c> or <c>/chat</c>.</summary>
    public string Namespace { get; }

    /// <summary>
    /// Awaits the Engine.IO open packet, connects to the namespace with <paramref name="auth"/> and awaits
    /// the answer; a refusal (<c>connect_error</c>), a close, something else or no answer within
    /// <paramref name="within"/> throws, saying which.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The Socket.IO connection did not open.</exception>
    public async Task OpenAsync(JsonNode? auth, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        await AnswerEarlyPingsAsync();
        var opened = await Session.Log.WaitUntilAsync(events => events.ReceivedMessages().Count > 0 || events.CloseEvent() is not null, within);
        var first = opened.Events.ReceivedMessages().FirstOrDefault();
        var reason = first is null
            ? Closed(opened.Events, "the Engine.IO open packet") ?? $"no Engine.IO open packet within {Format.Duration(within)}"
            : !SocketIoPacket.TryRead(first, out var open, out var fault) ? $"the server sent {Format.Message(first)}, {fault}"
            : open.Engine != EnginePacketType.Open ? $"the server sent {SocketIoDialect.Instance.Shown(first, MessageDirection.Received)} before the Engine.IO open packet"
            : null;
        if (reason is null)
        {
            await SendAsync(new SocketIoPacket { Engine = EnginePacketType.Message, Type = SocketIoPacketType.Connect, Namespace = Namespace, Data = auth?.DeepClone() });
            var left = deadline - DateTime.UtcNow;
            var answered = await Session.Log.WaitUntilAsync(events => AnswerIn(events) is not null || events.CloseEvent() is not null, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            reason = AnswerIn(answered.Events) switch
            {
                null => Closed(answered.Events, "the answer to the Socket.IO connect") ?? $"no answer to the Socket.IO connect within {Format.Duration(within)}",
                { Type: SocketIoPacketType.ConnectError } refused => $"the server refused it: {Format.Clause(RefusalOf(refused))}",
                _ => null,
            };
        }

        if (reason is not null)
        {
            throw new ConnectionFailedException(new ConnectionAttempt(Session.Url, ConnectionOutcome.Failed, null,
                $"Could not connect to the Socket.IO namespace {Format.Quoted(Namespace)} at {Session.DisplayUrl}: {reason}") { Reason = reason });
        }
    }

    /// <summary>Emits an event; with <paramref name="askAck"/>, it asks for an acknowledgement under a new id.</summary>
    public async Task<SocketIoEmit> EmitAsync(string name, JsonArray arguments, bool askAck)
    {
        Json.JsonPlaceholder.RefuseIn(arguments, $"The event {Format.Quoted(name)}");
        long? id = askAck ? Interlocked.Increment(ref _lastAckId) : null;
        var data = new JsonArray(name);
        foreach (var argument in arguments)
        {
            data.Add(argument?.DeepClone());
        }

        await SendAsync(new SocketIoPacket { Engine = EnginePacketType.Message, Type = SocketIoPacketType.Event, Namespace = Namespace, AckId = id, Data = data });
        return new SocketIoEmit(Session.Name, Namespace, name, arguments, id) { Instance = Session.Instance };
    }

    /// <summary>Stops answering pings.</summary>
    public void Dispose() => Session.Received -= Answer;

    /// <summary>The connect answer or refusal for this namespace among <paramref name="events"/>, if it came.</summary>
    private SocketIoPacket? AnswerIn(IReadOnlyList<SessionEvent> events) => events.ReceivedMessages()
        .Select(m => SocketIoPacket.TryRead(m, out var p) ? p : null)
        .FirstOrDefault(p => p?.Type is SocketIoPacketType.Connect or SocketIoPacketType.ConnectError && p.Namespace == Namespace);

    /// <summary>The message of a <c>connect_error</c>: <c>{"message":"not authorized"}</c> says "not authorized".</summary>
    public static string RefusalOf(SocketIoPacket refused) => refused.Data switch
    {
        JsonObject error when error["message"] is JsonValue message => message.ToString(),
        JsonValue text => text.ToString(),
        var other => Format.Value(other),
    };

    private static string? Closed(IReadOnlyList<SessionEvent> events, string awaited) => events.CloseEvent() is { } close
        ? $"the server closed the connection ({Format.Close(close.Status, close.Reason)}) before {awaited}"
        : null;

    private void Answer(WebSocketMessage message)
    {
        if (!SocketIoPacket.TryRead(message, out var packet, out var fault))
        {
            _ = Task.Run(() => QuietlyAsync(() => Session.CloseAsync(WebSocketCloseStatus.ProtocolError, $"Not a Socket.IO packet: {fault}")));
        }
        else if (packet.Engine == EnginePacketType.Ping)
        {
            _ = QuietlyAsync(() => SendAsync(new SocketIoPacket { Engine = EnginePacketType.Pong }));
        }
    }

    /// <summary>
    /// Answers the pings that came before this connection listened (the WebSocket opens before it exists); a
    /// ping that comes meanwhile may get two pongs, which servers take as one.
    /// </summary>
    private async Task AnswerEarlyPingsAsync()
    {
        var events = Session.Log.Snapshot().OfType<MessageEvent>().ToList();
        var pings = events.Count(e => e.Direction == MessageDirection.Received && e.Message.IsText && e.Message.Text == "2");
        var pongs = events.Count(e => e.Direction == MessageDirection.Sent && e.Message.IsText && e.Message.Text == "3");
        for (var owed = pings - pongs; owed > 0; owed--)
        {
            await QuietlyAsync(() => SendAsync(new SocketIoPacket { Engine = EnginePacketType.Pong }));
        }
    }

    private static async Task QuietlyAsync(Func<Task> act)
    {
        try
        {
            await act();
        }
        catch (Exception ex) when (ex is InvalidOperationException or DeadlineExceededException or WebSocketException)
        {
            // The connection closed meanwhile: the record tells it.
        }
    }

    private Task SendAsync(SocketIoPacket packet) => Session.SendAsync(WebSocketMessage.FromText(packet.Frame()));
}
