namespace BddWs.Cli.Commands;

/// <summary>A command line the parser accepted but that cannot mean what was written; the message says what to write.</summary>
public sealed class UsageException(string message) : Exception(message);
