namespace BddWs.Cli.Recording;

/// <summary>
/// One recorded conversation between an app (or a person) and a service, in the order it happened:
/// HTTP exchanges and WebSocket connections with their frames. A recording proxy and a HAR file both
/// give one; the draft of a feature is written from one, or from several recordings of the same
/// session (what differs between them was generated).
/// </summary>
/// <param name="Source">Where it came from, for the draft's header: <c>proxy to http://localhost:5000</c>, <c>session.har</c>.</param>
/// <param name="Events">Everything recorded, ordered by <see cref="RecordedEvent.At"/>.</param>
public sealed record RecordedSession(string Source, IReadOnlyList<RecordedEvent> Events);
