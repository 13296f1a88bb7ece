namespace BddWs.Driver;

/// <summary>The events of a log at the end of a wait, and how long the wait took.</summary>
public sealed record LogSnapshot(TimeSpan Waited, IReadOnlyList<SessionEvent> Events);
