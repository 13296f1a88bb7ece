namespace BddWs.Specs.Support.Driver;

/// <summary>A connection could not be opened; the message says where to and why, in one line.</summary>
public sealed class ConnectionFailedException(ConnectionAttempt attempt, Exception? inner = null) : Exception(attempt.Description, inner)
{
    public ConnectionAttempt Attempt { get; } = attempt;
}
