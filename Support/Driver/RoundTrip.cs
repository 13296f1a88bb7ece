namespace BddWs.Driver;

/// <summary>
/// Makes sure a verdict that more messages could overturn ("exactly 2 messages", "the events
/// open, message") is not given while such a message is still on its way. Once the expectation
/// looks met, the client pings the server and waits for the pong: a server answers frames in the
/// order it reads them, so whatever it sent before reading the ping arrives before the pong.
/// When as many messages as came before the pong are recorded, the verdict is judged again.
/// Hub records are counted by the frames that carried them, as the pong is.
/// A close decides at once (nothing follows it); a server that never answers pings keeps the
/// step waiting to its deadline, and the verdict is judged on what came by then.
/// </summary>
public static class RoundTrip
{
    public static async Task<LogSnapshot> SettleAsync(EventLog log, WireTap? tap, Expectation expectation, LogSnapshot seen, TimeSpan timeout)
    {
        if (!expectation.SettlesByRoundTrip || expectation.Judge(seen.Events) != Verdict.Met || seen.Events.CloseEvent() is not null)
        {
            return seen;
        }

        var startedAt = log.Now - seen.Waited;
        var remaining = timeout - seen.Waited;
        var messagesBefore = tap is null || remaining <= TimeSpan.Zero ? null : await tap.RoundTripAsync(remaining);
        remaining = timeout - (log.Now - startedAt);
        var settled = messagesBefore is { } count
            ? await log.WaitUntilAsync(events => events.ReceivedEvents().Count(e => !e.ContinuesFrame) >= count || events.CloseEvent() is not null, remaining)
            : await log.WaitUntilAsync(events => expectation.Judge(events) == Verdict.Failed || events.CloseEvent() is not null, remaining);
        return settled with { Waited = log.Now - startedAt };
    }
}
