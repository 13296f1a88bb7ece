namespace BddWs.Driver;

/// <summary>
/// Which received messages a connection leaves out of counts, positions, order and "next"
/// (heartbeats, unrelated events). They stay in the record and in the report, marked as ignored,
/// so that nothing the server said is hidden from the reader.
/// </summary>
public sealed class IgnoreRule
{
    private readonly object _gate = new();
    // Replaced whole under the lock, read without it from the socket's and the waiters' threads.
    private volatile IReadOnlyList<MessageCheck> _checks = [];
    private volatile IReadOnlyList<MessageCheck> _plumbing = [];
    // Both of the above, one list, so that the filtered view is kept until either changes.
    private volatile IReadOnlyList<MessageCheck> _all = [];
    private readonly VisibleEvents _visible = new();

    public bool IsEmpty => _all.Count == 0;

    /// <summary>The tests of the messages ignored, in the order they were added.</summary>
    public IReadOnlyList<MessageCheck> Checks => _checks;

    /// <summary>What is ignored, in the words of a failure message.</summary>
    public string Description => string.Join(" or ", _checks.Select(c => $"messages {c}"));

    public void Add(MessageCheck check)
    {
        lock (_gate)
        {
            _checks = [.. _checks, check];
            _all = [.. _checks, .. _plumbing];
        }
    }

    /// <summary>
    /// Leaves out a dialect's own plumbing (a hub's handshake answer and pings): ignored like the
    /// rest, but not counted in failures, since the reader never asked for it. The session adds it
    /// for the dialect of its connection (<see cref="Dialects.IDialect.IsPlumbing"/>).
    /// </summary>
    internal void AddPlumbing(MessageCheck check)
    {
        lock (_gate)
        {
            _plumbing = [.. _plumbing, check];
            _all = [.. _checks, .. _plumbing];
        }
    }

    /// <summary>The tests of a protocol's plumbing, in the order they were added.</summary>
    public IReadOnlyList<MessageCheck> Plumbing => _plumbing;

    /// <summary>Whether a message, sent or received, is the protocol's plumbing rather than what the scenario speaks of.</summary>
    public bool IsPlumbing(WebSocketMessage message) => _plumbing.Any(c => c.Matches(message));

    public bool Ignores(SessionEvent sessionEvent) => VisibleEvents.Ignores(_all, sessionEvent);

    /// <summary>
    /// Whether the scenario's own rules, not a protocol's plumbing, leave out this event: what the
    /// report marks as ignored and failures count as left out.
    /// </summary>
    public bool IgnoresByRule(SessionEvent sessionEvent) =>
        VisibleEvents.Ignores(_checks, sessionEvent) && !(sessionEvent is MessageEvent message && IsPlumbing(message.Message));

    /// <summary>The events without the ignored messages: what expectations judge.</summary>
    public IReadOnlyList<SessionEvent> Visible(IReadOnlyList<SessionEvent> events) =>
        _all is { Count: > 0 } checks ? _visible.Of(events, checks) : events;

    /// <summary>The expectation judged on the messages not ignored; its failure says how many were left out.</summary>
    public Expectation Apply(Expectation expectation)
    {
        if (IsEmpty)
        {
            return expectation;
        }

        var judge = expectation.Judge;
        var seen = expectation.Seen;
        var matched = expectation.Matched;
        return expectation with
        {
            Judge = events => judge(Visible(events)),
            Seen = events => seen(Visible(events)) + Left(events),
            Matched = events => matched(Visible(events)),
        };
    }

    private string Left(IReadOnlyList<SessionEvent> events) =>
        events.Count(IgnoresByRule) switch
        {
            0 => "",
            var ignored => $" (besides {Format.Count(ignored, "ignored message")}: {Description})",
        };
}
