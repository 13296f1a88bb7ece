namespace BddWs.Driver;

/// <summary>
/// A connection could not be opened; the message says where to and why, in one line. It carries
/// no inner exception: the socket library's own wording would only repeat the reason less clearly.
/// </summary>
public sealed class ConnectionFailedException(ConnectionAttempt attempt) : Exception(attempt.Description)
{
    public ConnectionAttempt Attempt { get; } = attempt;
}
