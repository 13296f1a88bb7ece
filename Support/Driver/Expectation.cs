namespace BddWs.Driver;

/// <summary>How an expectation stands against the events so far.</summary>
public enum Verdict
{
    /// <summary>Not decided yet: more events may settle it.</summary>
    Pending,
    Met,
    /// <summary>Decided against: no later event can make it true.</summary>
    Failed,
}

/// <summary>
/// Something a step waits for, described in the words of a failure message
/// (<c>a message containing "Hello"</c>). <see cref="MetWhenTimeIsUp"/> marks expectations of
/// absence ("no message"), which hold if nothing decided them before the deadline.
/// <see cref="Seen"/> says what happened instead, after "but"; by default, the messages received.
/// </summary>
public sealed record Expectation(string Description, Func<IReadOnlyList<SessionEvent>, Verdict> Judge, bool MetWhenTimeIsUp = false)
{
    /// <summary>False when the description already says the time allowed, as a latency does.</summary>
    public bool SaysHowLong { get; init; } = true;

    /// <summary>
    /// True when a later message could overturn a met verdict ("exactly 2 messages"): it is then
    /// given only after a round trip to the server (<see cref="RoundTrip"/>).
    /// </summary>
    public bool SettlesByRoundTrip { get; init; }

    /// <summary>True when <see cref="Seen"/> already says how the connection closed, so a failure does not say it twice.</summary>
    public bool TellsTheClose { get; init; }

    public Func<IReadOnlyList<SessionEvent>, string> Seen { get; init; } = Received;

    /// <summary>The message that met the expectation, for those met by one message; null for the others.</summary>
    public Func<IReadOnlyList<SessionEvent>, WebSocketMessage?> Matched { get; init; } = _ => null;

    /// <summary><c>received 2 messages: [1] "a" [2] "b"</c>: what most expectations say after "but".</summary>
    public static string Received(IReadOnlyList<SessionEvent> events) => $"received {Format.ReceivedList(events.ReceivedMessages())}";

    /// <summary>As <see cref="Received(IReadOnlyList{SessionEvent})"/>, long messages shortened around the part <paramref name="check"/> looks at.</summary>
    public static string Received(IReadOnlyList<SessionEvent> events, MessageCheck check) =>
        $"received {Format.ReceivedList(events.ReceivedMessages(), check.Focus)}";

    public Verdict FinalVerdict(IReadOnlyList<SessionEvent> events) => Judge(events) switch
    {
        Verdict.Pending => MetWhenTimeIsUp ? Verdict.Met : Verdict.Failed,
        var decided => decided,
    };

    public static Expectation Until(string description, Func<IReadOnlyList<SessionEvent>, bool> isMet) =>
        new(description, events => isMet(events) ? Verdict.Met : Verdict.Pending);
}
