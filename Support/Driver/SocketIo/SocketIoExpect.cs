namespace BddWs.Driver.SocketIo;

/// <summary>
/// What Socket.IO sentences wait for, as <see cref="Expectation"/>s over the recorded packets, so they wait,
/// ignore, settle and explain themselves as every other expectation does, and tell what they saw as packets:
/// <c>received 2 Socket.IO packets: [1] "chat" ["ada","hi"] [2] ack #1 ["ok"]</c>. A packet that breaks the
/// protocol decides the wait at once: <c>but the server broke the Socket.IO protocol with [2] "9x", an Engine.IO packet of unknown type "9"</c>.
/// </summary>
public static class SocketIoExpect
{
    /// <summary>An event on <paramref name="namespace"/> that <paramref name="matches"/> accepts.</summary>
    public static Expectation Event(string @namespace, string described, Func<SocketIoPacket, bool> matches) =>
        SocketIo(Expectation.Until($"the event {described}", events => events.ReceivedMessages().Any(m => IsEvent(m, @namespace, matches))))
            with { Matched = events => events.ReceivedMessages().FirstOrDefault(m => IsEvent(m, @namespace, matches)) };

    /// <summary>No such event, for the time given (a window in which it must not come).</summary>
    public static Expectation NoEvent(string @namespace, string described, Func<SocketIoPacket, bool> matches) => SocketIo(new Expectation(
        $"no event {described}",
        events => events.ReceivedMessages().Any(m => IsEvent(m, @namespace, matches)) ? Verdict.Failed : Verdict.Pending,
        MetWhenTimeIsUp: true));

    /// <summary>The acknowledgement of <paramref name="emit"/>.</summary>
    public static Expectation Ack(SocketIoEmit emit) =>
        SocketIo(Expectation.Until($"the acknowledgement of {emit}", events => AckIn(events, emit) is not null));

    /// <summary>The acknowledgement of <paramref name="emit"/> among <paramref name="events"/>, if it came.</summary>
    public static SocketIoPacket? AckIn(IReadOnlyList<SessionEvent> events, SocketIoEmit emit) => events.ReceivedMessages()
        .Select(m => SocketIoPacket.TryRead(m, out var p) ? p : null)
        .FirstOrDefault(p => p?.Type is SocketIoPacketType.Ack or SocketIoPacketType.BinaryAck && p.AckId == emit.AckId && p.Namespace == emit.Namespace);

    /// <summary>
    /// The server ends the namespace's connection: its <c>disconnect</c> packet ("io server disconnect", in
    /// Socket.IO's words), or the close of the whole connection ("transport close").
    /// </summary>
    public static Expectation Disconnect(string @namespace, string? reason) => SocketIo(
        new Expectation(
            $"the server to disconnect{(reason is null ? "" : $" with the reason {Format.Quoted(reason)}")}",
            events => DisconnectReason(events, @namespace) switch
            {
                null => Verdict.Pending,
                var seen when reason is null || seen == reason => Verdict.Met,
                _ => Verdict.Failed,
            }),
        events => DisconnectReason(events, @namespace) is { } seen ? $"it disconnected with the reason {Format.Quoted(seen)}" : Received(events));

    /// <summary>"io server disconnect" when the server sent the namespace's disconnect packet, "transport close" when the connection closed first; null while connected.</summary>
    public static string? DisconnectReason(IReadOnlyList<SessionEvent> events, string @namespace)
    {
        foreach (var e in events)
        {
            if (e is MessageEvent { Direction: MessageDirection.Received, Message: var m } && SocketIoPacket.TryRead(m, out var p)
                && p.Type == SocketIoPacketType.Disconnect && p.Namespace == @namespace)
            {
                return "io server disconnect";
            }

            if (e is Closed)
            {
                return "transport close";
            }
        }

        return null;
    }

    private static bool IsEvent(WebSocketMessage message, string @namespace, Func<SocketIoPacket, bool> matches) =>
        SocketIoPacket.TryRead(message, out var packet) && packet.EventName is not null && packet.Namespace == @namespace && matches(packet);

    /// <summary>The first packet that breaks the protocol, numbered as in the list of received packets.</summary>
    private static string? Breach(IReadOnlyList<SessionEvent> events)
    {
        var received = events.ReceivedMessages();
        for (var i = 0; i < received.Count; i++)
        {
            if (!SocketIoPacket.TryRead(received[i], out _, out var fault))
            {
                return $"the server broke the Socket.IO protocol with [{i + 1}] {Format.Message(received[i])}, {fault}";
            }
        }

        return null;
    }

    private static string Received(IReadOnlyList<SessionEvent> events) => $"received {Format.ReceivedList(events.ReceivedMessages(), SocketIoDialect.Instance)}";

    /// <summary>Decided at once by a packet that breaks the protocol; what was seen told in packets unless <paramref name="seen"/> says it.</summary>
    private static Expectation SocketIo(Expectation expectation, Func<IReadOnlyList<SessionEvent>, string>? seen = null) => expectation with
    {
        Judge = events => Breach(events) is not null ? Verdict.Failed : expectation.Judge(events),
        Seen = events => Breach(events) ?? (seen ?? Received)(events),
    };
}
