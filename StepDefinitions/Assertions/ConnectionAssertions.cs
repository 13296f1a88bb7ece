using BddWs.Driver;

namespace BddWs.StepDefinitions.Assertions;

/// <summary>What most Then-steps are made of: wait for an expectation on a connection, then assert it was met.</summary>
public static class ConnectionAssertions
{
    public static async Task ShouldMeetAsync(this WebSocketSession session, Expectation expectation, TimeSpan within) =>
        (await session.WaitForAsync(expectation, within)).Should().BeMet();

    /// <summary>
    /// Waits on every connection at once for its own copy of the expectation; a failure lists each
    /// connection that missed it, with its own reason, in one message.
    /// </summary>
    public static async Task ShouldAllMeetAsync(this IReadOnlyList<WebSocketSession> sessions, Func<Expectation> expectation, TimeSpan within)
    {
        var outcomes = await Task.WhenAll(sessions.Select(session => session.WaitForAsync(expectation(), within)));
        var missed = outcomes.Where(outcome => outcome.Verdict != Verdict.Met).ToList();
        Verify.That(
            missed.Count == 0,
            () => $"{missed.Count} of {outcomes.Length} connections did not get what was expected. {string.Join(" ", missed.Select(outcome => outcome.Explain()))}");
    }

    public static async Task ShouldReceiveNextAsync(this WebSocketSession session, MessageCheck check, TimeSpan within) =>
        (await session.WaitForNextAsync(check, within)).Should().BeMet();

    public static async Task ShouldReceiveNextMatchingAsync(this WebSocketSession session, MessageCheck check, TimeSpan within) =>
        (await session.WaitForNextMatchingAsync(check, within)).Should().BeMet();

    /// <summary>
    /// No message (ignored ones aside) arrived within <paramref name="within"/> of the last one received
    /// or sent, or of the opening; waits only for what is left of that time.
    /// </summary>
    public static Task ShouldReceiveNothingFurtherAsync(this WebSocketSession session, TimeSpan within)
    {
        var (count, at, since) = session.ReceivedSoFar();
        var remaining = at + within - session.Log.Now;
        return session.ShouldMeetAsync(Expect.NoFurtherMessage(count, within, since), remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
    }

    /// <summary>The first message after the last one sent came within <paramref name="latency"/> of it; waits no longer than that.</summary>
    public static Task ShouldReplyWithinAsync(this WebSocketSession session, TimeSpan latency)
    {
        var sentAt = session.Log.Snapshot().LastSentAt();
        Verify.That(sentAt is not null, () => $"Expected a reply within {Format.Duration(latency)}, but nothing was sent on this connection yet.");
        var remaining = sentAt!.Value + latency - session.Log.Now;
        return session.ShouldMeetAsync(Expect.ReplyWithin(sentAt.Value, latency), remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
    }

    public static void ShouldHaveSubProtocol(this WebSocketSession session, string? expected)
    {
        var actual = session.Handshake?.SubProtocol;
        Verify.That(
            actual == expected,
            () => $"Expected {(expected is null ? "no subprotocol" : $"the subprotocol \"{expected}\"")} to be negotiated with {session.DisplayUrl}, " +
                  $"but {(string.IsNullOrEmpty(actual) ? "none was" : $"\"{actual}\" was")}.");
    }

    public static void ShouldHaveResponseHeader(this WebSocketSession session, string name, string? value)
    {
        var headers = session.Handshake?.Headers ?? new Dictionary<string, IReadOnlyList<string>>();
        var found = headers.TryGetValue(name, out var values);
        Verify.That(
            found && (value is null || values!.Contains(value)),
            () => $"Expected the handshake response from {session.DisplayUrl} to have the header \"{name}\"{(value is null ? "" : $" with value \"{value}\"")}, " +
                  (found
                      ? $"but its value was \"{string.Join(", ", values!)}\"."
                      : $"but it had only: {(headers.Count == 0 ? "no headers" : string.Join(", ", headers.Keys.Order()))}."));
    }
}
