using System.Runtime.CompilerServices;

namespace BddWs.Driver.Contracts;

/// <summary>
/// The contract a scenario follows, if any, and which of its messages broke it. Every message sent
/// or received on a connection whose URL path is one of the contract's channels is checked once
/// against that channel's messages for its direction; a connection elsewhere, and a binary message,
/// are not checked. Scenario-scoped, by Reqnroll's context injection.
/// </summary>
public sealed class ScenarioContract
{
    private readonly Dictionary<WebSocketSession, int> _checked = [];
    private readonly ConditionalWeakTable<MessageEvent, string> _breaches = new();
    private readonly List<string> _pending = [];

    /// <summary>The contract followed from now on; null until a step names one.</summary>
    public AsyncApiContract? Contract { get; private set; }

    public void Follow(AsyncApiContract contract) => Contract = contract;

    /// <summary>
    /// Checks the messages of <paramref name="sessions"/> not checked before; returns one line per
    /// message that fits no message of its channel (with any found earlier and not yet taken).
    /// </summary>
    public IReadOnlyList<string> CheckNew(IEnumerable<WebSocketSession> sessions)
    {
        foreach (var session in sessions)
        {
            Check(session, session.Log.Snapshot());
        }

        return TakeBreaches();
    }

    /// <summary>
    /// Checks the messages among <paramref name="events"/> (a snapshot of the session's log) not checked
    /// before. The report's conversation calls it with the very snapshot it tells, so that every message
    /// shown under a step was checked by that step, however late in the step it arrived.
    /// </summary>
    public void Check(WebSocketSession session, IReadOnlyList<SessionEvent> events)
    {
        var from = _checked.GetValueOrDefault(session);
        if (events.Count <= from)
        {
            return;
        }

        _checked[session] = events.Count;
        if (Contract is not { } contract)
        {
            return;
        }

        var byUrl = contract.ChannelFor(session.Url);
        for (var i = from; i < events.Count; i++)
        {
            // A hub's handshake and pings are the protocol's, not the service's: no contract describes them.
            if (events[i] is MessageEvent { Message.IsText: true } message && !session.Ignored.IsPlumbing(message.Message) &&
                PayloadOf(message.Message) is { } payload && ChannelOf(contract, message.Message, byUrl) is { } channel &&
                Breach(session, channel, events, i, message, payload) is { } breach)
            {
                _breaches.AddOrUpdate(message, breach);
                _pending.Add(breach);
            }
        }
    }

    /// <summary>The breaches found since the last call, in the order they were found.</summary>
    public IReadOnlyList<string> TakeBreaches()
    {
        var taken = _pending.ToList();
        _pending.Clear();
        return taken;
    }

    /// <summary>Whether this message broke the contract (known once <see cref="CheckNew"/> has seen it).</summary>
    public bool Broken(MessageEvent message) => _breaches.TryGetValue(message, out _);

    // A dialect's record may wrap the service's message, or be the protocol's alone.
    private static WebSocketMessage? PayloadOf(WebSocketMessage record) => record.Dialect is { } dialect ? dialect.PayloadOf(record) : record;

    // A record that names its channel (a Socket.IO namespace) is held to that one, others to their URL's.
    private static ContractChannel? ChannelOf(AsyncApiContract contract, WebSocketMessage record, ContractChannel? byUrl) =>
        record.Dialect?.ChannelOf(record) is { } address ? contract.ChannelAt(address) : byUrl;

    private string? Breach(WebSocketSession session, ContractChannel channel, IReadOnlyList<SessionEvent> events, int index, MessageEvent message, WebSocketMessage payload)
    {
        var allowed = channel.For(message.Direction);
        // Stops at the first message that fits; only a breach needs the errors of them all.
        if (allowed.Any(m => m.Schema.ErrorsIn(payload).Count == 0))
        {
            return null;
        }

        var errors = allowed.Select(m => (m.Name, Errors: m.Schema.ErrorsIn(payload))).ToList();

        // Counted as the steps count: without a protocol's plumbing (a hub's handshake and pings).
        var position = events.Take(index + 1).Count(e => e is MessageEvent m && m.Direction == message.Direction && !session.Ignored.IsPlumbing(m.Message));
        var verb = message.Direction == MessageDirection.Sent ? "sent" : "received";
        var by = ServiceInstances.Quoted(session.Name, session.Instance) is { Length: > 0 } quoted ? $" by {quoted}" : "";
        var what = $"Message {position} {verb}{by} on {message.Message.Dialect?.ChannelOf(message.Message) ?? session.Url.AbsolutePath} does not fit the contract \"{Contract!.Name}\": ";
        if (errors.Count > 0 && !Json.ParsedMessages.TryGet(payload, out _))
        {
            return what + "it is not JSON.";
        }

        if (errors.Count == 0)
        {
            return what + $"the contract describes no message {verb} by the client on {channel.Address}.";
        }

        var closest = errors.OrderBy(e => e.Errors.Count).First();
        var told = string.Join("; ", closest.Errors.Take(5)) + (closest.Errors.Count > 5 ? $"; and {Format.Count(closest.Errors.Count - 5, "more error")}" : "");
        return errors.Count == 1
            ? what + $"it does not match {closest.Name}: {told}."
            : what + $"it matches none of {string.Join(", ", errors.Select(e => e.Name))}: {told} (closest: {closest.Name}).";
    }
}
