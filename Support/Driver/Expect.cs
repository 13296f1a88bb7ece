using System.Net.WebSockets;

namespace BddWs.Driver;

/// <summary>
/// The expectations the step library waits for. Messages are those received since the
/// connection opened, counted from 1. Those that search the messages resume where they stopped
/// (<see cref="FirstMatch{T}"/>, <see cref="MatchTally{T}"/>): a wait tests each message once.
/// </summary>
public static class Expect
{
    /// <summary>Any message so far passes the check.</summary>
    public static Expectation AnyMessage(MessageCheck check) => MessageFrom(1, check);

    /// <summary>
    /// Exactly <paramref name="count"/> messages so far (passing <paramref name="check"/>, if given):
    /// failed once the count is passed; met when it is reached and a round trip to the server brought
    /// no more (<see cref="RoundTrip"/>).
    /// </summary>
    public static Expectation MessageCount(int count, MessageCheck? check = null)
    {
        var tally = check is null ? null : new MatchTally<WebSocketMessage>(check.Matches);
        return new Expectation(
            $"exactly {Format.Count(count, "message")}{(check is null ? "" : $" {check}")}",
            events => (tally?.In(events.ReceivedMessages()) ?? events.ReceivedMessages().Count) switch
            {
                var n when n == count => Verdict.Met,
                var n when n > count => Verdict.Failed,
                _ => Verdict.Pending,
            }) with
            {
                SettlesByRoundTrip = true,
                Seen = check is null ? Expectation.Received : events => Expectation.Received(events, check) + Passing(events.ReceivedMessages(), check),
            };
    }

    /// <summary>The message at <paramref name="position"/> (from 1) passes the check; decided as soon as it arrives.</summary>
    public static Expectation MessageAt(int position, MessageCheck check, string? label = null) => new Expectation(
        $"{label ?? $"message {position}"} {check}",
        events => events.ReceivedMessages() is var messages && messages.Count < position
            ? Verdict.Pending
            : check.Matches(messages[position - 1]) ? Verdict.Met : Verdict.Failed)
        with
        {
            Seen = events => Expectation.Received(events, check) + Departure(events.ReceivedMessages(), position, check),
            Matched = events => events.ReceivedMessages().ElementAtOrDefault(position - 1),
        };

    /// <summary>
    /// A message from <paramref name="position"/> on (from 1) passes the check; those before it that
    /// do not are skipped.
    /// </summary>
    public static Expectation MessageFrom(int position, MessageCheck check)
    {
        var first = new FirstMatch<WebSocketMessage>(check.Matches, position - 1);
        return Expectation.Until(
            position == 1 ? $"a message {check}" : $"a message {check} after message {position - 1}",
            events => first.In(events.ReceivedMessages()) >= 0)
            with
            {
                Seen = events => Expectation.Received(events, check) + Closest(events.ReceivedMessages(), check),
                Matched = events => events.ReceivedMessages() is var messages && first.In(messages) is >= 0 and var found ? messages[found] : null,
            };
    }

    /// <summary>
    /// No message arrives after the <paramref name="count"/> received so far until the time is up;
    /// <paramref name="within"/> and <paramref name="since"/> (the event the time is counted from,
    /// in words) are only told, the wait's own deadline bounds it.
    /// </summary>
    public static Expectation NoFurtherMessage(int count, TimeSpan within, string since) => new Expectation(
        $"no {(count == 0 ? "" : "further ")}message within {Format.Duration(within)} of {since}",
        events => events.ReceivedMessages().Count > count ? Verdict.Failed : Verdict.Pending,
        MetWhenTimeIsUp: true) with { SaysHowLong = false };

    /// <summary>The first messages, in order, pass these checks one by one.</summary>
    public static Expectation InOrder(IReadOnlyList<MessageCheck> checks) => new Expectation(
        $"these messages in order: {string.Join(", ", checks.Select((c, i) => $"[{i + 1}] {c}"))}",
        events =>
        {
            var messages = events.ReceivedMessages();
            for (var i = 0; i < Math.Min(messages.Count, checks.Count); i++)
            {
                if (!checks[i].Matches(messages[i]))
                {
                    return Verdict.Failed;
                }
            }

            return messages.Count >= checks.Count ? Verdict.Met : Verdict.Pending;
        })
        with { Seen = events => Received(events.ReceivedMessages(), checks) + FirstOutOfOrder(events.ReceivedMessages(), checks) };

    /// <summary>No message arrives after the last one sent (or after the opening, if none was sent) until the time is up.</summary>
    public static Expectation NoMessageSinceLastSend(IReadOnlyList<SessionEvent> eventsSoFar) =>
        eventsSoFar.LastSentAt() is { } sentAt
            ? NoMessageAfter(sentAt, "after the last message sent")
            : NoMessageAfter(eventsSoFar.OpenedAt() ?? TimeSpan.Zero, "since the connection opened");

    /// <summary>The connection opened and has not closed, nor has a close reached it before a round trip to the server.</summary>
    public static Expectation StillOpen() => new Expectation(
        "the connection to be open",
        events => events.OpenedAt() is not null && events.CloseEvent() is null ? Verdict.Met : Verdict.Failed) with { Seen = SawEvents, SettlesByRoundTrip = true };

    private static Expectation NoMessageAfter(TimeSpan since, string sinceWhat)
    {
        var first = new FirstMatch<MessageEvent>(e => e.At >= since);
        return new(
            $"no message {sinceWhat}",
            events => first.In(events.ReceivedEventList()) >= 0 ? Verdict.Failed : Verdict.Pending,
            MetWhenTimeIsUp: true);
    }

    /// <summary>The first message after <paramref name="sentAt"/> arrives no later than <paramref name="latency"/> after it.</summary>
    public static Expectation ReplyWithin(TimeSpan sentAt, TimeSpan latency)
    {
        var first = new FirstMatch<MessageEvent>(e => e.At >= sentAt);
        return new Expectation(
            $"a reply within {Format.Duration(latency)} of the last message sent",
            events => events.ReceivedEventList() is var received && first.In(received) is >= 0 and var found
                ? (received[found].At - sentAt <= latency ? Verdict.Met : Verdict.Failed)
                : Verdict.Pending) with { SaysHowLong = false };
    }

    /// <summary>The server starts the closing handshake, with this status (any, if null) and reason (any, if null).</summary>
    public static Expectation ServerClose(WebSocketCloseStatus? status = null, string? reason = null) => Close(
        $"the server to close the connection{With(status, reason)}",
        close => close.By == ClosedBy.Server && Matches(close, status, reason));

    /// <summary>The server starts the closing handshake with this status (any, if null) and a reason that contains <paramref name="text"/>.</summary>
    public static Expectation ServerCloseContaining(WebSocketCloseStatus? status, string text) => Close(
        $"the server to close the connection{With(status, null)}{(status is null ? " with" : " and")} a reason containing {Format.Quoted(text)}",
        close => close.By == ClosedBy.Server && Matches(close, status, null) && (close.Reason ?? "").Contains(text, StringComparison.Ordinal));

    /// <summary>A close event, whoever closed, with this status (any, if null).</summary>
    public static Expectation CloseEvent(WebSocketCloseStatus? status = null) => Close(
        $"a close event{With(status, null)}",
        close => Matches(close, status, null));

    public static Expectation ErrorEvent(string? containing = null) => Expectation.Until(
        containing is null ? "an error event" : $"an error event containing {Format.Quoted(containing)}",
        events => events.OfType<ErrorEvent>().Any(e => containing is null || e.Reason.Contains(containing, StringComparison.OrdinalIgnoreCase)))
        with { Seen = SawEvents };

    /// <summary>
    /// The lifecycle events so far (open, message, error, close; sent messages aside) are exactly these;
    /// met only after a round trip to the server brought no more, or after the close.
    /// </summary>
    public static Expectation Timeline(IReadOnlyList<string> kinds) => new Expectation(
        $"the events {string.Join(", ", kinds)}",
        events =>
        {
            var seen = events.Timeline();
            if (seen.SequenceEqual(kinds))
            {
                return Verdict.Met;
            }

            return seen.Count < kinds.Count && seen.SequenceEqual(kinds.Take(seen.Count)) ? Verdict.Pending : Verdict.Failed;
        }) with { Seen = SawEvents, SettlesByRoundTrip = true };

    // Where the message nearest to passing departs from the text expected, since an invisible
    // difference (a line break for a written \n, a trailing space) is hard to spot in a list.
    private static string Closest(IReadOnlyList<WebSocketMessage> messages, MessageCheck check)
    {
        (int Position, TextMismatch Mismatch)? closest = null;
        for (var i = 0; i < messages.Count; i++)
        {
            if (check.Compare(messages[i]) is { } mismatch && mismatch.SameCharacters > (closest?.Mismatch.SameCharacters ?? -1))
            {
                closest = (i + 1, mismatch);
            }
        }

        return closest switch
        {
            null => "",
            var (_, mismatch) when messages.Count == 1 => $"; [1] {mismatch.Description}",
            var (position, mismatch) => $"; the closest, [{position}], {mismatch.Description}",
        };
    }

    private static string Departure(IReadOnlyList<WebSocketMessage> messages, int position, MessageCheck check) =>
        messages.Count >= position && check.Compare(messages[position - 1]) is { } mismatch ? $"; [{position}] {mismatch.Description}" : "";

    // Each message shortened around the part its own row looks at.
    private static string Received(IReadOnlyList<WebSocketMessage> messages, IReadOnlyList<MessageCheck> checks) =>
        $"received {Format.ReceivedList(messages, (m, i) => i < checks.Count ? checks[i].Focus(m) : null)}";

    // The row that failed, and where its message came instead, if it came: a row of a text wanted
    // somewhere in the message is out of order, not "different"; a diff helps only a whole text
    // that came nowhere.
    private static string FirstOutOfOrder(IReadOnlyList<WebSocketMessage> messages, IReadOnlyList<MessageCheck> checks)
    {
        for (var i = 0; i < Math.Min(messages.Count, checks.Count); i++)
        {
            var check = checks[i];
            if (check.Matches(messages[i]))
            {
                continue;
            }

            var elsewhere = Positions(messages, check);
            var said = $"; row {i + 1} wants a message {check}: [{i + 1}] is not, " + elsewhere switch
            {
                [] => "nor is any other message",
                [var one] => $"[{one}] is",
                var several => $"{Format.Positions(several)} are",
            };
            return said + (elsewhere.Count == 0 && check.IsWholeText ? Departure(messages, i + 1, check) : "");
        }

        return "";
    }

    private static List<int> Positions(IReadOnlyList<WebSocketMessage> messages, MessageCheck check) =>
        messages.Select((m, i) => (m, i)).Where(p => check.Matches(p.m)).Select(p => p.i + 1).ToList();

    // How many of the messages listed passed the check of a count, and which.
    private static string Passing(IReadOnlyList<WebSocketMessage> messages, MessageCheck check) =>
        Positions(messages, check) switch
        {
            [] => $"; none is {check}",
            var passing => $"; {Format.Count(passing.Count, "message")} {(passing.Count == 1 ? "is" : "are")} {check}: {Format.Positions(passing)}",
        };

    private static string SawEvents(IReadOnlyList<SessionEvent> events) =>
        events.Timeline() is { Count: > 0 } seen ? $"the events were {string.Join(", ", seen)}" : "there was no event";

    private static Expectation Close(string description, Func<Closed, bool> isExpected) => new Expectation(
        description,
        events => events.CloseEvent() switch
        {
            null => Verdict.Pending,
            var close => isExpected(close) ? Verdict.Met : Verdict.Failed,
        }) with { Seen = SawClose, TellsTheClose = true };

    // Messages are beside the point of a close expectation: what counts is whether, how and by whom it closed.
    private static string SawClose(IReadOnlyList<SessionEvent> events) => events.CloseEvent() switch
    {
        null => "the connection did not close",
        var close when close.By == ClosedBy.Failure || close.Status == WebSocketSession.AbnormalClosure =>
            $"the connection dropped with {Format.Close(close.Status, close.Reason)}",
        { By: ClosedBy.Client } close => $"the client closed it and the server answered with {Format.Close(close.Status, close.Reason)}",
        var close => $"the server closed it with {Format.Close(close.Status, close.Reason)}",
    };

    private static bool Matches(Closed close, WebSocketCloseStatus? status, string? reason) =>
        (status is null || close.Status == status) && (reason is null || close.Reason == reason);

    private static string With(WebSocketCloseStatus? status, string? reason) =>
        (status is null ? "" : $" with {Format.Close(status, null)}") + (reason is null ? "" : $" and reason {Format.Quoted(reason)}");
}
