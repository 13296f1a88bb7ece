namespace BddWs.Cli.Recording;

/// <summary>Something that happened in a recorded session, at <paramref name="At"/> from the session's start.</summary>
public abstract record RecordedEvent(TimeSpan At);
