namespace BddWs.Cli.Recording;

/// <summary>A recording that cannot be made or read, with a message for the person who asked: one line.</summary>
public sealed class RecordingException(string message) : Exception(message);
