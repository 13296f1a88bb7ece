using System.Net.WebSockets;

namespace BddWs.Driver;

/// <summary>What a wait for an <see cref="Expectation"/> saw, and how it reads as a sentence.</summary>
public sealed record WaitOutcome(
    Expectation Expectation,
    Verdict Verdict,
    TimeSpan Timeout,
    TimeSpan Waited,
    IReadOnlyList<SessionEvent> Events,
    string ConnectionName,
    WebSocketState State)
{
    /// <summary>The connection was opened again by a reconnect: what it saw before that is not part of <see cref="Events"/>.</summary>
    public bool Reconnected { get; init; }

    /// <summary>The named instance of the service the connection is on; null for the server under test.</summary>
    public string? Instance { get; init; }

    /// <summary>
    /// <c>Expected a message containing "Hello" within 2s, but received 1 message: [1] "Hi". Connection: open.</c>
    /// </summary>
    public string Explain()
    {
        var who = ServiceInstances.Quoted(ConnectionName, Instance) is { Length: > 0 } quoted ? $" on {quoted}" : "";
        var when = !Expectation.SaysHowLong ? ""
            : Verdict == Verdict.Failed && Waited < Timeout ? $" (decided after {Format.Duration(Waited)} of {Format.Duration(Timeout)})"
            : $" within {Format.Duration(Timeout)}";
        var connection = Expectation.TellsTheClose && Events.CloseEvent() is not null ? "" : $" Connection: {Connection()}.";
        // Counts and positions restart at a reconnect; a reader comparing with the report must know.
        var since = Reconnected ? " Counted from the reconnect on." : "";
        return $"Expected {Expectation.Description}{who}{when}, but {Expectation.Seen(Events)}.{connection}{since}";
    }

    private string Connection() => Events.CloseEvent() is { } close
        ? $"closed by {close.By.ToString().ToLowerInvariant()} with {Format.Close(close.Status, close.Reason)}"
        : Format.State(State);
}
