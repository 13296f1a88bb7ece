using System.Net;
using BddWs.Driver;

namespace BddWs.StepDefinitions.Assertions;

/// <summary>Checks of the latest connection attempt ("When I try to connect to …").</summary>
public static class AttemptAssertions
{
    public static void ShouldEndAs(this ConnectionAttempt? attempt, ConnectionOutcome outcome, HttpStatusCode? status = null)
    {
        var expected = outcome switch
        {
            ConnectionOutcome.Connected => "to succeed",
            ConnectionOutcome.HttpStatus => $"to fail with HTTP {(int?)status}",
            ConnectionOutcome.Refused => "to be refused",
            ConnectionOutcome.TimedOut => "to time out",
            ConnectionOutcome.UnknownHost => "to fail on an unknown host",
            ConnectionOutcome.HandshakeError => "to fail with a handshake error",
            ConnectionOutcome.TlsFailure => "to fail on TLS",
            _ => $"to fail ({outcome})",
        };
        ShouldHaveEnded(attempt, expected, a => a.Outcome == outcome && (status is null || a.Status == status));
    }

    /// <summary>The attempt failed, whatever the reason.</summary>
    public static void ShouldHaveFailed(this ConnectionAttempt? attempt) => ShouldHaveEnded(attempt, "to fail", a => !a.Succeeded);

    /// <summary>
    /// A one-step attempt did not open; <paramref name="asWritten"/> is the path or URL as the sentence gave it,
    /// <paramref name="on"/> the instance of the service it named, if any.
    /// </summary>
    public static void ShouldNotHaveOpened(this ConnectionAttempt attempt, string asWritten, OnInstance on = default) =>
        Verify.That(!attempt.Succeeded, () => $"Expected connecting to \"{asWritten}\"{on} to fail, but it opened.");

    private static void ShouldHaveEnded(ConnectionAttempt? attempt, string expected, Func<ConnectionAttempt, bool> asExpected)
    {
        Verify.That(attempt is not null, () => $"Expected connecting {expected}, but no connection was attempted; use a \"try to connect\" step first.");
        Verify.That(
            asExpected(attempt!),
            () => $"Expected connecting to {Secrets.Url(attempt!.Url)} {expected}, but {attempt.Clause}.");
    }
}
